/* parallel.c - independent items on up to BT_PARALLEL_MAX processes. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT, pipe2 */
#include "parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Shared between processes, the atomics must not hide a lock. */
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2 && ATOMIC_INT_LOCK_FREE == 2,
               "the job's counters are shared by processes");

/* What the processes of a job share (one anonymous shared mapping). */
struct shared {
    atomic_size_t next;                /* the next item not yet taken */
    atomic_int stop;                   /* a failure, or a worker ended */
    atomic_size_t on[BT_PARALLEL_MAX]; /* the item each worker took last */
};

/* What a worker sends its caller as it ends: item n when all went well,
 * else the item that failed and why. */
struct record {
    size_t item;
    struct bt_error err;
};

/* The job's failure with the lowest item, as the caller gathers them. */
struct outcome {
    int failed, died;
    size_t item; /* n: not known */
    struct bt_error err;
};

/* The job under way: its caller, for bt_parallel_die in a worker (0 in
 * the caller), and the shared page, for the caller's SIGCHLD handler. */
static pid_t job_caller;
static struct shared *job_shared;

/* Takes items until none is left or the job stops, noting each in *on
 * (NULL: the caller's own); returns the item that failed, with *err, or
 * n. */
static size_t work(struct shared *sh, atomic_size_t *on, size_t n,
                   bt_parallel_fn fn, void *ctx, struct bt_error *err)
{
    while (!atomic_load(&sh->stop)) {
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= n)
            break;
        if (on)
            atomic_store(on, i);
        if (fn(ctx, i, err) != 0) {
            atomic_store(&sh->stop, 1);
            return i;
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

/* A worker ended (it dies only at the end of the job, or of a failure):
 * the caller takes no item more. */
static void on_child(int sig)
{
    (void)sig;
    if (job_shared)
        atomic_store(&job_shared->stop, 1);
}

/* The worker's life: dies with its caller, works, always sends its
 * record, and ends without running the caller's exit handlers or
 * flushing its buffers (they are the caller's). */
static void worker(pid_t caller, int out, struct shared *sh, size_t slot,
                   size_t n, bt_parallel_fn fn, void *ctx)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != caller)
        _exit(2); /* the caller died before the line above */
    job_caller = caller;
    struct record r;
    r.item = work(sh, &sh->on[slot], n, fn, ctx, &r.err);
    _exit(write(out, &r, sizeof r) == (ssize_t)sizeof r ? 0 : 3);
}

/* Keeps the failure of item (n: not known) in *o if it is the lowest. */
static void take(struct outcome *o, size_t item, int died,
                 const struct bt_error *err)
{
    if (o->failed && item >= o->item)
        return;
    *o = (struct outcome){1, died, item, *err};
}

/* Waits for worker pid (slot) and reads its record from in: a worker that
 * sent none died, on the item it took last. */
static void reap(pid_t pid, int in, const struct shared *sh, size_t slot,
                 size_t n, struct outcome *o)
{
    struct record r;
    ssize_t got;
    while ((got = read(in, &r, sizeof r)) < 0 && errno == EINTR)
        ;
    close(in);
    int status = 0, waited;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (got == (ssize_t)sizeof r) {
        if (r.item < n)
            take(o, r.item, 0, &r.err);
        return;
    }
    struct bt_error how;
    if (waited == pid && WIFSIGNALED(status))
        bt_fail(&how, "the process that took it was killed by signal %d "
                "(%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        bt_fail(&how, "the process that took it ended before it was done");
    size_t on = atomic_load(&sh->on[slot]);
    take(o, on, 1, &how);
}

/* Forks up to k - 1 workers of the job into pids[] and fds[] (their
 * pipes' read ends); returns how many started. */
static size_t start(size_t k, struct shared *sh, size_t n, bt_parallel_fn fn,
                    void *ctx, pid_t *pids, int *fds)
{
    pid_t self = getpid();
    size_t started = 0;
    for (; started + 1 < k; started++) {
        int p[2];
        if (pipe2(p, O_CLOEXEC) != 0)
            break; /* the workers that started, and the caller, do it all */
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            worker(self, p[1], sh, started, n, fn, ctx);
        }
        close(p[1]);
        if (pid < 0) {
            close(p[0]);
            break;
        }
        pids[started] = pid;
        fds[started] = p[0];
    }
    return started;
}

int bt_parallel_run(size_t n, bt_parallel_fn fn, void *ctx, size_t *at,
                    struct bt_error *e)
{
    struct outcome o = {0, 0, n, {""}};
    size_t k = bt_parallel_workers(n);
    struct shared alone, *sh = &alone;
    if (k > 1) {
        sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (sh == MAP_FAILED)
            sh = &alone, k = 1; /* the caller does it all */
    }
    memset(sh, 0, sizeof *sh);
    for (size_t w = 0; w < BT_PARALLEL_MAX; w++)
        atomic_store(&sh->on[w], n); /* none taken yet */
    pid_t pids[BT_PARALLEL_MAX];
    int fds[BT_PARALLEL_MAX];
    struct sigaction quit = {.sa_handler = on_child,
                             .sa_flags = SA_RESTART | SA_NOCLDSTOP}, old;
    sigemptyset(&quit.sa_mask);
    size_t started = 0;
    if (k > 1) { /* before the first fork: a worker may end at once */
        job_shared = sh;
        sigaction(SIGCHLD, &quit, &old);
        started = start(k, sh, n, fn, ctx, pids, fds);
    }
    struct bt_error err;
    size_t failed = work(sh, NULL, n, fn, ctx, &err);
    if (failed < n)
        take(&o, failed, 0, &err);
    for (size_t w = 0; w < started; w++)
        reap(pids[w], fds[w], sh, w, n, &o);
    if (k > 1) {
        sigaction(SIGCHLD, &old, NULL);
        job_shared = NULL;
        munmap(sh, sizeof *sh);
    }
    *at = o.item;
    if (o.failed && e)
        *e = o.err;
    return o.failed ? (o.died ? -2 : -1) : 0;
}

void bt_parallel_die(int sig)
{
    if (job_caller)
        kill(job_caller, sig);
    raise(sig);
}
