/* parallel.h - one job's independent items on the machine's cores.
 *
 * bt_parallel_run calls fn for every item 0..n-1 in the caller's process
 * and in up to BT_PARALLEL_MAX - 1 worker processes forked for the job
 * (never more processes than the CPUs this one may run on, nor more than
 * one per BT_PARALLEL_GRAIN items), each taking the next item not yet
 * taken. Processes, not threads: each has its own address space, so the
 * kernel's lock of one (which every mmap and munmap takes, librrd's in
 * each update among them) is not fought over.
 *
 * So an item may change files only: what fn changes in memory is lost
 * with the worker that ran it. Items must not depend on one another, nor
 * use a connection the caller holds (a daemon's socket: the workers
 * share it). Workers hold every descriptor the caller had, its flock()
 * locks among them, until they end: a lock the caller holds is held
 * until the whole job has ended. A worker dies with its caller (a kill
 * of the caller ends the whole job at once, as a power cut would) and
 * ends by _exit, running none of the caller's exit handlers. While the
 * job runs, the caller's SIGCHLD is handled (SA_RESTART) to stop it at a
 * worker's end, and is as it was after.
 */
#ifndef BT_PARALLEL_H
#define BT_PARALLEL_H

#include <stddef.h>

#include "error.h"

#define BT_PARALLEL_MAX 4    /* processes: more contend in the kernel */
#define BT_PARALLEL_GRAIN 64 /* items that make a second process worth it */

/* Does item i of the job ctx. 0, or -1 with *e. */
typedef int (*bt_parallel_fn)(void *ctx, size_t i, struct bt_error *e);

/* Runs fn(ctx, i, ...) for every i < n. The first failure, or a worker's
 * death, stops the items not yet begun. Returns 0; or -1 when fn failed,
 * with the lowest failed item in *at and its error in *e; or -2 when a
 * worker died (killed, or ended without a word), with the item it was on
 * in *at (n when it had taken none) and *e saying how ("the process that
 * took it was killed by signal 9 (Killed)"). *at is n on success. Runs
 * in the caller alone when more would not help or cannot be started. */
int bt_parallel_run(size_t n, bt_parallel_fn fn, void *ctx, size_t *at,
                    struct bt_error *e);

/* The processes bt_parallel_run would use for n items. */
size_t bt_parallel_workers(size_t n);

/* Ends the process with signal sig, and, in a worker, the job's caller
 * first: the whole job at once (the test hooks' kill). */
void bt_parallel_die(int sig);

#endif
