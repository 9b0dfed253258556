/* Unit tests: rrd_number.c against librrd itself. Values of every kind are
 * written to RRD files through store_rrd.c (created whole, and appended
 * in place, with gaps) and read back: each must be what bt_rrd_stored()
 * says, and a kept value must come back as itself. */
#include <float.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "base/number.h"
#include "store/rrd_number.h"
#include "store/store_rrd.h"

#define N 4000

/* A value that librrd, stored again and again, moves back and forth
 * between it and its neighbour. */
#define CYCLE -3.5017169474039252e+103

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* The i-th test value: published-looking decimals, 15 to 17 significant
 * digits, any double in the range load accepts, the ends of that range
 * and denormals, by turns. */
static double value(int i)
{
    static const double fixed[] = {
        0, 1, -1, 0.1, 0.3, 1234567890123.1, 2801494000000, 9007199254740993.0,
        BT_NUMBER_MAX, -BT_NUMBER_MAX, DBL_TRUE_MIN, -DBL_TRUE_MIN, DBL_MIN,
        2.8097509125746503, 0.30000000000000004, 123456789012345.67,
        123456.7890000715, 100.0000000000007, CYCLE,
    };
    int n = (int)(sizeof fixed / sizeof *fixed);
    if (i < n)
        return fixed[i];
    double v;
    uint64_t bits;
    switch (i % 4) {
    case 0: /* a figure with up to 12 digits and 0 to 3 decimals */
        return (double)(next() % 1000000000000u) / pow(10, (double)(next() % 4));
    case 1: /* 17 digits, the point anywhere */
        return (double)(next() % 100000000000000000u) / pow(10, (double)(next() % 17));
    case 2: /* any bit pattern in range */
        do {
            bits = next();
            memcpy(&v, &bits, sizeof v);
        } while (!(fabs(v) <= BT_NUMBER_MAX));
        return v;
    default: /* denormals and the smallest normals */
        return ldexp((double)(next() % 1000000), -1074 + (int)(next() % 60)) *
               (next() % 2 ? 1 : -1);
    }
}

/* Writes pts[0..n) to path (half created whole, the rest appended in
 * place a hundred at a time, or written whole when they outgrow the ring,
 * as a load does) and reads them back into *out. */
static void store(const char *path, const struct bt_point *pts, size_t n,
                  struct bt_points *out)
{
    struct bt_store s = {0};
    struct bt_error e = {0};
    size_t done = n / 2, appended = 0;
    CHECK(bt_store_write(&s, path, pts, done, &e) == 0);
    while (done < n) {
        size_t k = n - done < 100 ? n - done : 100;
        int fd = open(path, O_RDONLY);
        int rc = bt_store_can_append(fd, path, pts + done, k, &e);
        close(fd);
        CHECK(rc == 0 || rc == 1);
        if (rc == 0)
            CHECK(bt_store_append(&s, path, pts[done - 1].day, pts + done, k,
                                  &e) == 0);
        else
            CHECK(bt_store_write(&s, path, pts, done + k, &e) == 0);
        appended += (size_t)(rc == 0) * k;
        done += k;
    }
    CHECK(appended > n / 4); /* most of it appended in place */
    CHECK(bt_store_read(&s, path, out, &e) == 0);
    CHECK(out->n == n);
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/test_rrd_number.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror(dir);
        return 1;
    }
    snprintf(path, sizeof path, "%s/x.rrd", dir);

    /* the days: from 1, with a gap now and then (an update "T:U" first) */
    static struct bt_point pts[N], kept[N];
    bt_day day = 1;
    for (int i = 0; i < N; i++) {
        day += next() % 7 == 0 ? 2 + (bt_day)(next() % 5) : 1;
        pts[i] = (struct bt_point){day, value(i)};
        kept[i] = (struct bt_point){day, bt_rrd_kept(pts[i].value)};
    }

    struct bt_points back = {0};
    store(path, pts, N, &back);
    int model_wrong = 0, moved = 0;
    for (size_t i = 0; i < back.n && i < N; i++) {
        double got = back.v[i].value, v = pts[i].value;
        if (got != bt_rrd_stored(v) && model_wrong++ < 5)
            fprintf(stderr, "%.17g: librrd keeps %.17g, the model says %.17g\n",
                    v, got, bt_rrd_stored(v));
        moved += got != v;
        CHECK(bt_rrd_kept(got) == kept[i].value);
    }
    CHECK(model_wrong == 0);
    CHECK(moved > 0); /* the test has values that librrd moves */

    /* a kept value comes back as itself (but for a cycle) */
    int cycles = 0;
    store(path, kept, N, &back);
    for (size_t i = 0; i < back.n && i < N; i++)
        if (back.v[i].value != kept[i].value) {
            cycles++;
            CHECK(bt_rrd_kept(back.v[i].value) == kept[i].value);
        }
    if (cycles)
        fprintf(stderr, "%d of %d kept values are in a cycle\n", cycles, N);
    CHECK(cycles <= N / 1000);

    /* values librrd keeps, one it moves, and one it moves round a cycle */
    CHECK(bt_rrd_stored(2.8097509125746503) == 2.8097509125746503);
    CHECK(bt_rrd_stored(123456.7890000715) == 123456.78900007151);
    CHECK(bt_rrd_kept(123456.7890000715) == 123456.78900007153);
    CHECK(bt_rrd_kept(1234567890123.1) == 1234567890123.1);
    CHECK(bt_rrd_kept(1234567890123.0) != bt_rrd_kept(1234567890123.1));
    double c = CYCLE, c2 = bt_rrd_stored(c); /* stored again: c */
    CHECK(c2 != c && bt_rrd_stored(c2) == c);
    CHECK(bt_rrd_kept(c) == fmin(c, c2) && bt_rrd_kept(c2) == fmin(c, c2));
    CHECK(isinf(bt_rrd_kept(INFINITY)) && isnan(bt_rrd_kept(NAN)));
    CHECK(bt_rrd_reads("2.5e+3") == 2500 && bt_rrd_reads("-0.125") == -0.125);
    CHECK(bt_rrd_reads("1e2000") == HUGE_VAL); /* librrd's range check */

    bt_points_release(&back);
    unlink(path);
    rmdir(dir);
    return CHECK_DONE();
}
