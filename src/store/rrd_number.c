/* rrd_number.c - the doubles librrd keeps (see rrd_number.h). */
#include "rrd_number.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "base/number.h"
#include "store_rrd.h"

/* The seconds from one update to the next, and of the step. */
static const double step = BT_RRD_STEP;

double bt_rrd_reads(const char *s)
{
    int neg = *s == '-', exp10 = 0;
    double x = 0;
    s += neg || *s == '+';
    for (; *s >= '0' && *s <= '9'; s++)
        x = x * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, exp10--)
            x = x * 10 + (*s - '0');
    if (*s == 'e' || *s == 'E') {
        int eneg = *++s == '-', n = 0;
        s += *s == '-' || *s == '+';
        for (; *s >= '0' && *s <= '9' && n < 100000; s++)
            n = n * 10 + (*s - '0');
        exp10 += eneg ? -n : n;
    }
    if (neg)
        x = -x;
    if (exp10 < DBL_MIN_EXP || exp10 > DBL_MAX_EXP) /* its range check, */
        return HUGE_VAL;                            /* in binary exponents */
    double p = 10;
    for (int n = exp10 < 0 ? -exp10 : exp10; n; n >>= 1, p *= p)
        if (n & 1)
            x = exp10 < 0 ? x / p : x * p;
    return x;
}

/* Pads the fraction of the decimal text buf[0..n) (as bt_number_format
 * writes it) with zeros to 1, 2, 4, 8 or 16 digits: the least one at or
 * above its length for pad 1, each larger one in turn for pad 2 and 3.
 * Returns the new length, or 0 when there is no such form. */
static size_t padded(char *buf, size_t n, int pad)
{
    const char *point = memchr(buf, '.', n);
    if (!point || memchr(buf, 'e', n))
        return 0;
    size_t k = n - (size_t)(point - buf) - 1, want = 1;
    while (want < k)
        want *= 2;
    for (int i = 1; i < pad; i++)
        want *= 2;
    if (want > 16)
        return 0;
    memset(buf + n, '0', want - k);
    buf[n + want - k] = '\0';
    return n + want - k;
}

/* Writes into buf a form of x that librrd's reader takes as exactly v:
 * x's shortest text, or it padded (pad 1 to 3); 0 when none is. */
static size_t reads_as(double x, double v, char *buf)
{
    char plain[80];
    size_t n = bt_number_format(x, plain);
    for (int pad = 0; pad <= 3; pad++) {
        memcpy(buf, plain, n + 1);
        size_t len = pad ? padded(buf, n, pad) : n;
        if (len && bt_rrd_reads(buf) == v)
            return len;
    }
    return 0;
}

/* Whether the shortest text buf[0..n) of a value (bt_number_format)
 * reads as exactly it in librrd's reader at once: at most 15 digits (an
 * exact sum) with 0, 1, 2, 4 or 8 of them after the point (one division
 * by an exact power of ten, rounded once as strtod rounds, to the double
 * the text names). Most figures are such; the search below finds the
 * same text for them, only slower. */
static int reads_at_once(const char *buf, size_t n)
{
    size_t digits = 0, k = 0;
    int point = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] >= '0' && buf[i] <= '9') {
            digits++;
            k += (size_t)point;
        } else if (buf[i] == '.') {
            point = 1;
        } else if (buf[i] != '-') {
            return 0; /* an exponent */
        }
    }
    return digits <= 15 && (k <= 2 || k == 4 || k == 8);
}

size_t bt_rrd_text(double v, char *buf)
{
    if (isfinite(v)) {
        size_t n = bt_number_format(v, buf);
        if (reads_at_once(buf, n))
            return n;
    }
    double up = v, down = v;
    for (int i = 0; i <= 16; i++) {
        size_t n = reads_as(up, v, buf);
        if (n || (i && (n = reads_as(down, v, buf))))
            return n;
        up = nextafter(up, INFINITY);
        down = nextafter(down, -INFINITY);
    }
    return bt_number_format(v, buf);
}

/* What librrd makes of the value x read from an update one step after
 * the last: the area x * step, its rate, the area up to the step's end
 * (added to the step's empty sum: no change), and that over the step. */
static double area_over_step(double x)
{
    double area = x * step;
    double rate = area / step;
    return rate * step / step;
}

static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,
                               1e6, 1e7, 1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16};

/* Does one of the first texts bt_rrd_text() tries read as exactly v?
 * Those are v's digits with the fewest decimals k that write it (as
 * bt_number_format finds them), the fraction padded to 1, 2, 4, 8 or 16
 * digits: they sum exactly below 2^53, and librrd's reader then divides
 * by one power of ten, exact, rounding once as strtod does. A quick
 * answer for most figures; without it, the search tells. */
static int short_text(double v)
{
    double x;
    int k = bt_number_decimals(v, &x);
    if (k < 0)
        return 0;
    int pad = k <= 2 ? k : k <= 4 ? 4 : k <= 8 ? 8 : 16;
    return x * pow10[pad - k] < 9007199254740992.0; /* 2^53 */
}

double bt_rrd_stored(double v)
{
    if (!isfinite(v))
        return v;
    if (short_text(v))
        return area_over_step(v);
    char buf[80];
    bt_rrd_text(v, buf);
    return area_over_step(bt_rrd_reads(buf));
}

/* How many times bt_rrd_kept() stores a value again: the longest way to a
 * value stored as itself seen in 10^6 random doubles is 11 rounds. */
#define ROUNDS_MAX 64

double bt_rrd_kept(double v)
{
    double seen[ROUNDS_MAX];
    for (int n = 0; n < ROUNDS_MAX && isfinite(v); n++) {
        seen[n] = v;
        double s = bt_rrd_stored(v);
        if (s == v)
            return v;
        for (int i = n; i >= 0; i--)
            if (seen[i] == s) { /* a cycle: seen[i..n] */
                double least = s;
                for (int k = i; k <= n; k++)
                    least = fmin(least, seen[k]);
                return least;
            }
        v = s;
    }
    return v;
}
