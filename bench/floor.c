/* floor.c - the least work that writes the benchmark's observations into
 * RRD files: the same layout as baytrack (src/store_rrd.h), the same
 * values (bench/synthetic.py), one librrd batch update per series, and
 * nothing else: no parsing, no checking, no sync.
 *
 * usage: floor N M DIR      N series x M days, from 2015-01-01
 */
#include <rrd.h>
#include <stdio.h>
#include <stdlib.h>

#define STEP 86400L
#define DAY0 16436L /* 2015-01-01 as days since 1970-01-01 */

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: floor N M DIR\n");
        return 64;
    }
    long n = atol(argv[1]), m = atol(argv[2]);
    const char *create[] = {"DS:value:GAUGE:86400:U:U", "RRA:LAST:0.5:1:21915",
                            "RRA:AVERAGE:0.5:7:3131"};
    char *text = malloc((size_t)m * 40);
    const char **args = malloc((size_t)m * sizeof *args);
    for (long s = 0; s < n; s++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/s%04ld.rrd", argv[3], s);
        if (rrd_create_r(path, STEP, DAY0 * STEP, 3, create) != 0)
            goto fail;
        char *p = text;
        for (long d = 0; d < m; d++) {
            /* v = tenths / 10, written by hand: the cheapest exact text */
            long tenths = (s * 7919 + d * 31) % 100000;
            args[d] = p;
            p += sprintf(p, "%ld:%ld", (DAY0 + d + 1) * STEP, tenths / 10);
            if (tenths % 10)
                *p++ = '.', *p++ = (char)('0' + tenths % 10);
            *p++ = '\0';
        }
        if (rrd_update_r(path, NULL, (int)m, args) != 0)
            goto fail;
    }
    free(text);
    free(args);
    return 0;
fail:
    fprintf(stderr, "floor: %s\n", rrd_get_error());
    return 1;
}
