/* check.h - the few macros the unit tests need. Each test program counts
 * failed checks and exits non-zero when any failed. */
#ifndef BT_CHECK_H
#define BT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            check_failures++;                                                  \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (strcmp(g_, w_) != 0) {                                             \
            fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__,          \
                    __LINE__, g_, w_);                                         \
            check_failures++;                                                  \
        }                                                                      \
    } while (0)

#define CHECK_DONE() (check_failures ? 1 : 0)

#endif
