/* floor.c - the least work that writes the benchmark's observations into
 * RRD files: the same layout as baytrack (src/store/store_rrd.h), the same
 * values (bench/synthetic.py), one librrd batch update per series, and
 * nothing else: no parsing, no checking, no sync.
 *
 * usage: floor N M DIR [v1]     N series x M days, from 2015-01-01 (v1: in
 *                               the previous release's layout, a ring of
 *                               60 years of days and one of weeks)
 *        floor append N D DIR   day D appended to each of the N series, in
 *                               place: one rrd_updatex_r per file
 * Files are DIR/series=sNNNN.rrd, the names baytrack gives the series of
 * synthetic.daily, so DIR may be a baytrack database's synthetic.daily/.
 */
#include <rrd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STEP 86400L
#define DAY0 16436L /* 2015-01-01 as days since 1970-01-01 */

/* v(s, d) as text: tenths / 10, written by hand, the cheapest exact text */
static char *put_update(char *p, long s, long d)
{
    long tenths = (s * 7919 + d * 31) % 100000;
    p += sprintf(p, "%ld:%ld", (DAY0 + d + 1) * STEP, tenths / 10);
    if (tenths % 10)
        *p++ = '.', *p++ = (char)('0' + tenths % 10);
    *p++ = '\0';
    return p;
}

/* The rows of baytrack's ring for a span of days (store_rrd.h's
 * bt_store_ring_rows: at least 384, else the next q * 2^k, q = 4..7). */
static long ring_rows(long days)
{
    if (days <= 384)
        return 384;
    long p = 1, q = 4;
    while (p * 8 < days)
        p *= 2;
    while (q * p < days)
        q++;
    return q * p;
}

static int append(long n, long d, const char *dir)
{
    for (long s = 0; s < n; s++) {
        char path[4096], text[64];
        const char *args[] = {text};
        snprintf(path, sizeof path, "%s/series=s%04ld.rrd", dir, s);
        put_update(text, s, d);
        if (rrd_updatex_r(path, NULL, 0, 1, args) != 0) {
            fprintf(stderr, "floor: %s\n", rrd_get_error());
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "append") == 0)
        return append(atol(argv[2]), atol(argv[3]), argv[4]);
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "v1") == 0)) {
        fprintf(stderr, "usage: floor N M DIR [v1] | floor append N D DIR\n");
        return 64;
    }
    long n = atol(argv[1]), m = atol(argv[2]);
    int v1 = argc == 5;
    char ring[64];
    snprintf(ring, sizeof ring, "RRA:LAST:0.5:1:%ld", v1 ? 21915 : ring_rows(m));
    const char *create[] = {"DS:value:GAUGE:86400:U:U", ring, "RRA:AVERAGE:0.5:7:3131"};
    char *text = malloc((size_t)m * 40);
    const char **args = malloc((size_t)m * sizeof *args);
    for (long s = 0; s < n; s++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/series=s%04ld.rrd", argv[3], s);
        if (rrd_create_r(path, STEP, DAY0 * STEP, v1 ? 3 : 2, create) != 0)
            goto fail;
        char *p = text;
        for (long d = 0; d < m; d++) {
            args[d] = p;
            p = put_update(p, s, d);
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
