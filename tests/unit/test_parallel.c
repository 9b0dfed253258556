/* test_parallel.c - independent items on several processes (base/
 * parallel.h): every item runs exactly once, in the caller alone below a
 * grain, the lowest failure is the one returned, whichever process met
 * it, a worker that dies stops the job and is named with its signal and
 * item (SIGCHLD ignored too), and workers die with their caller. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "base/parallel.h"

#define ITEMS 1000

/* A job: each item writes one record of the process that ran it at its
 * place in a file; items from fail_from on fail; from die_at on, a worker
 * (not the caller) that takes one is killed, and the caller takes its
 * time, so that a worker surely takes one. */
struct job {
    int fd;
    pid_t caller;
    size_t fail_from, die_at;
    useconds_t pause; /* after each item, or 0: 100 us */
};

static int item(void *ctx, size_t i, struct bt_error *e)
{
    const struct job *j = ctx;
    if (i >= j->die_at && getpid() != j->caller)
        raise(SIGKILL);
    if (i >= j->die_at)
        usleep(1000); /* a worker has time to start */
    if (i >= j->fail_from)
        return bt_fail(e, "item %zu failed", i);
    pid_t me = getpid();
    if (pwrite(j->fd, &me, sizeof me, (off_t)(i * sizeof me)) != sizeof me)
        return bt_fail_errno(e, "cannot write");
    usleep(j->pause ? j->pause : 100);
    return 0;
}

/* Whether process pid has ended (gone, or a zombie no one reaps). */
static int ended(pid_t pid)
{
    char path[64], state = 'Z';
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (f) {
        if (fscanf(f, "%*d (%*[^)]) %c", &state) != 1)
            state = '?';
        fclose(f);
    }
    return state == 'Z' || state == 'X';
}

/* Kills, as a power cut would, a caller whose workers each take 100 ms an
 * item (200 items: seconds); returns whether its workers ended with it. */
static int workers_die_with_caller(void)
{
    char path[] = "bt_parallel_XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    CHECK(ftruncate(fd, 200 * sizeof(pid_t)) == 0);
    pid_t caller = fork();
    if (caller == 0) {
        struct job j = {fd, getpid(), 200, 200, 100000};
        size_t at;
        _exit(bt_parallel_run(200, item, &j, &at, NULL) == 0 ? 0 : 1);
    }
    pid_t worker = 0;
    for (int tries = 0; tries < 200 && !worker; tries++) { /* 2 s at most */
        usleep(10000);
        pid_t ran[200];
        CHECK(pread(fd, ran, sizeof ran, 0) == (ssize_t)sizeof ran);
        for (size_t i = 0; i < 200 && !worker; i++)
            if (ran[i] && ran[i] != caller)
                worker = ran[i];
    }
    CHECK(worker != 0);
    kill(caller, SIGKILL);
    waitpid(caller, NULL, 0);
    int gone = 0;
    for (int tries = 0; tries < 200 && !gone; tries++) {
        usleep(10000);
        gone = ended(worker);
    }
    close(fd);
    return gone;
}

/* Runs n items of a fresh job; fills ran[] with the pid of each (0: not
 * run) and returns bt_parallel_run's result, with *at and *e. */
static int run(size_t n, size_t fail_from, size_t die_at, pid_t *ran,
               size_t *at, struct bt_error *e)
{
    char path[] = "bt_parallel_XXXXXX";
    struct job j = {mkstemp(path), getpid(), fail_from, die_at, 0};
    unlink(path);
    CHECK(ftruncate(j.fd, (off_t)(n * sizeof(pid_t))) == 0);
    int rc = bt_parallel_run(n, item, &j, at, e);
    CHECK(pread(j.fd, ran, n * sizeof *ran, 0) == (ssize_t)(n * sizeof *ran));
    close(j.fd);
    return rc;
}

int main(void)
{
    static pid_t ran[ITEMS];
    struct bt_error e;

    /* every item once; on more than one process when there are cores */
    size_t at;
    CHECK(run(ITEMS, ITEMS, ITEMS, ran, &at, &e) == 0);
    CHECK(at == ITEMS);
    size_t done = 0, mine = 0;
    for (size_t i = 0; i < ITEMS; i++) {
        done += ran[i] != 0;
        mine += ran[i] == getpid();
    }
    CHECK(done == ITEMS);
    if (bt_parallel_workers(ITEMS) > 1)
        CHECK(mine < ITEMS);
    CHECK(bt_parallel_workers(ITEMS) <= BT_PARALLEL_MAX);

    /* below the grain: the caller alone */
    CHECK(bt_parallel_workers(BT_PARALLEL_GRAIN - 1) == 1);
    CHECK(run(10, 10, 10, ran, &at, &e) == 0);
    for (size_t i = 0; i < 10; i++)
        CHECK(ran[i] == getpid());

    /* items 500.. fail: the lowest is the one reported, whoever met it */
    CHECK(run(ITEMS, 500, ITEMS, ran, &at, &e) == -1);
    CHECK_STR(e.msg, "item 500 failed");
    CHECK(at == 500);
    for (size_t i = 0; i < 500; i++)
        CHECK(ran[i] != 0); /* taken before 500, so all run */

    /* a worker killed: the job fails and says so */
    if (bt_parallel_workers(200) > 1) {
        /* it stops the job: the caller, 1 ms an item, did not do all */
        CHECK(run(200, 200, 0, ran, &at, &e) == -2);
        CHECK_STR(e.msg, "the process that took it was killed by signal 9 (Killed)");
        CHECK(at < 200 && ran[at] == 0); /* the item it died on */
        size_t taken = 0;
        for (size_t i = 0; i < 200; i++)
            taken += ran[i] != 0;
        CHECK(taken < 150);
        /* the same with SIGCHLD ignored by whoever started us (the kernel
         * then reaps workers at once, and waitpid knows nothing) */
        signal(SIGCHLD, SIG_IGN);
        CHECK(run(200, 200, 0, ran, &at, &e) == -2);
        CHECK_STR(e.msg, "the process that took it was killed by signal 9 (Killed)");
        struct sigaction now;
        sigaction(SIGCHLD, NULL, &now);
        CHECK(now.sa_handler == SIG_IGN); /* as it was */
        signal(SIGCHLD, SIG_DFL);
        /* and the caller killed: its workers die with it */
        CHECK(workers_die_with_caller());
    }
    return CHECK_DONE();
}
