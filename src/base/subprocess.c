/* subprocess.c - child processes without a shell (see subprocess.h). */
#define _GNU_SOURCE /* pipe2 */
#include "subprocess.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Writes all of buf to fd; a closed pipe (EPIPE) stops quietly: the
 * child's exit status says what went wrong. */
static void write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        buf += n;
        len -= (size_t)n;
    }
}

int bt_spawn_stdin(const char *const argv[], const char *input, size_t len,
                   struct bt_buf *errout, struct bt_error *e)
{
    int in[2];
    /* the child's stderr goes to a file in memory: none in any directory,
     * even if this process is killed */
    int errfd = memfd_create("baytrack-stderr", MFD_CLOEXEC);
    if (errfd < 0)
        return bt_fail_errno(e, "cannot create a file for the stderr of '%s'",
                             argv[0]);
    if (pipe2(in, O_CLOEXEC) != 0) {
        close(errfd);
        return bt_fail_errno(e, "cannot create a pipe");
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, errfd, 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    if (rc != 0) {
        close(in[1]);
        close(errfd);
        if (rc == ENOENT)
            return bt_fail(e, "'%s' is not installed (or not in PATH)", argv[0]);
        errno = rc;
        return bt_fail_errno(e, "cannot run '%s'", argv[0]);
    }
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    write_all(in[1], input, len);
    close(in[1]);
    signal(SIGPIPE, old);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    errout->len = 0;
    char buf[4096];
    ssize_t n;
    lseek(errfd, 0, SEEK_SET);
    while ((n = read(errfd, buf, sizeof buf)) > 0)
        bt_buf_add(errout, buf, (size_t)n);
    close(errfd);
    if (WIFSIGNALED(status))
        return bt_fail(e, "'%s' was killed by signal %d", argv[0], WTERMSIG(status));
    if (WEXITSTATUS(status) != 0) {
        const char *msg = errout->len ? errout->data : "";
        while (*msg == '\n' || *msg == ' ')
            msg++;
        return bt_fail(e, "'%s' failed (exit status %d): %.*s", argv[0],
                       WEXITSTATUS(status), (int)strcspn(msg, "\n"), msg);
    }
    return 0;
}
