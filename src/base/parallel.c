/* parallel.c - independent items on up to BT_PARALLEL_MAX processes. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the processes of a job share (one anonymous shared page). */
struct shared {
    atomic_size_t next; /* the next item not yet taken */
    atomic_int stop;    /* set at the first failure */
};

/* A failure as a worker sends it to the caller through its pipe. */
struct failure {
    size_t item;
    struct bt_error err;
};

/* The caller of the job under way, seen by its workers (bt_parallel_die);
 * 0 in the caller and outside a job. */
static pid_t job_caller;

/* Takes items of the job until none is left or one failed; returns the
 * item that failed, with *f, or n. */
static size_t work(struct shared *sh, size_t n, bt_parallel_fn fn, void *ctx,
                   struct failure *f)
{
    while (!atomic_load(&sh->stop)) {
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= n)
            break;
        if (fn(ctx, i, &f->err) != 0) {
            atomic_store(&sh->stop, 1);
            return f->item = i;
        }
    }
    return n;
}

size_t bt_parallel_workers(size_t n)
{
    cpu_set_t cpus;
    size_t ncpu = sched_getaffinity(0, sizeof cpus, &cpus) == 0
                      ? (size_t)CPU_COUNT(&cpus) : 1;
    size_t k = n / BT_PARALLEL_GRAIN;
    if (k > ncpu)
        k = ncpu;
    if (k > BT_PARALLEL_MAX)
        k = BT_PARALLEL_MAX;
    return k ? k : 1;
}

/* The worker's life: dies with its caller, works, sends its failure if
 * any, and ends without running the caller's exit handlers or flushing
 * its buffers (they are the caller's). */
static void worker(pid_t caller, int out, struct shared *sh, size_t n,
                   bt_parallel_fn fn, void *ctx)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != caller)
        _exit(2); /* the caller died before the line above */
    job_caller = caller;
    struct failure f;
    int failed = work(sh, n, fn, ctx, &f) < n;
    if (failed && write(out, &f, sizeof f) != (ssize_t)sizeof f)
        _exit(3);
    _exit(failed);
}

/* Waits for worker pid and reads its failure from in into *f (with the
 * lowest item so far). */
static void reap(pid_t pid, int in, struct failure *f, size_t n)
{
    struct failure got;
    ssize_t r;
    while ((r = read(in, &got, sizeof got)) < 0 && errno == EINTR)
        ;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (r == (ssize_t)sizeof got) {
        if (got.item < f->item)
            *f = got;
    } else if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0) && f->item == n) {
        f->item = n - 1; /* which item it was on is not known */
        if (WIFSIGNALED(status))
            bt_fail(&f->err, "a process writing in parallel was killed by "
                    "signal %d", WTERMSIG(status));
        else
            bt_fail(&f->err, "a process writing in parallel failed (exit "
                    "status %d)", WEXITSTATUS(status));
    }
    close(in);
}

int bt_parallel_run(size_t n, bt_parallel_fn fn, void *ctx,
                    struct bt_error *e)
{
    struct failure f = {.item = n};
    struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
                             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED)
        return bt_fail_errno(e, "cannot share memory between processes");
    atomic_init(&sh->next, 0);
    atomic_init(&sh->stop, 0);
    pid_t pids[BT_PARALLEL_MAX], self = getpid();
    int fds[BT_PARALLEL_MAX];
    size_t started = 0;
    for (size_t k = bt_parallel_workers(n); started + 1 < k; started++) {
        int p[2];
        if (pipe2(p, O_CLOEXEC) != 0)
            break; /* the workers that started, and the caller, do it all */
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            worker(self, p[1], sh, n, fn, ctx);
        }
        close(p[1]);
        if (pid < 0) {
            close(p[0]);
            break;
        }
        pids[started] = pid;
        fds[started] = p[0];
    }
    struct failure mine;
    if (work(sh, n, fn, ctx, &mine) < f.item)
        f = mine;
    for (size_t k = 0; k < started; k++)
        reap(pids[k], fds[k], &f, n);
    munmap(sh, sizeof *sh);
    if (f.item == n)
        return 0;
    if (e)
        *e = f.err;
    return -1;
}

void bt_parallel_die(int sig)
{
    if (job_caller)
        kill(job_caller, sig);
    raise(sig);
}
