/* subprocess.h - running a program as a child process, without a shell. */
#ifndef BT_SUBPROCESS_H
#define BT_SUBPROCESS_H

#include <stddef.h>

#include "error.h"
#include "fileio.h"

/* Runs argv[0] (looked up in PATH) with argv, writes input[0..len) to its
 * standard input and waits for it. Its standard output is discarded and its
 * standard error collected into *errout. Returns 0 when it exited with
 * status 0; otherwise -1 with *e saying why (not found: "'X' is not
 * installed"; killed; exit status N and the first line of its stderr). */
int bt_spawn_stdin(const char *const argv[], const char *input, size_t len,
                   struct bt_buf *errout, struct bt_error *e);

#endif
