/* number.c - parsing and printing numbers (see number.h). */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

#define MARK(s) {s, sizeof s - 1}
static const struct {
    const char *s;
    size_t n;
} missing_marks[] = {
    MARK("-"), MARK("--"), MARK("\xe2\x80\x94") /* — */,
    MARK("\xe2\x80\xa6") /* … */, MARK("..."), MARK("N/A"), MARK("n/a"),
    MARK("NA"), MARK("n.a."),
};

static int is_missing(const char *s, size_t n)
{
    if (n == 0)
        return 1;
    for (size_t i = 0; i < sizeof missing_marks / sizeof *missing_marks; i++)
        if (missing_marks[i].n == n && memcmp(s, missing_marks[i].s, n) == 0)
            return 1;
    return 0;
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

int bt_number_parse(const char *s, size_t n, double *out, const char **why)
{
    return bt_number_parse_scaled(s, n, 0, out, why);
}

/* A number cell read for its shape: sign, digits and point copied without
 * separators, and its exponent apart. */
struct shape {
    char buf[80];          /* the digits, NUL-terminated; room for "e%ld" */
    size_t len;            /* strlen(buf) */
    size_t intdigits, fracdigits;
    int has_exp;           /* the cell has an exponent (1e3) */
    long exp;              /* its value, clamped to +-EXP_CLAMP */
};

#define TEXT(x) #x
#define STRINGIFY(x) TEXT(x)
#define LIMIT STRINGIFY(BT_NUMBER_MAX) /* "1e303", for messages */

/* Beyond this an exponent makes every mantissa inf or 0 all the same. */
#define EXP_CLAMP 100000L

/* Reads the digits (with thousands separators in groups of three) before
 * s[*i] == '.'; 0 or -1 with *why. */
static int integer_part(const char *s, size_t n, size_t *i, struct shape *x,
                        const char **why)
{
    size_t group = 0;
    int grouped = 0;
    for (; *i < n && (digit(s[*i]) || s[*i] == ','); ++*i) {
        if (s[*i] == ',') {
            if (x->intdigits == 0 || (grouped && group != 3) ||
                (!grouped && group > 3))
                return -1;
            grouped = 1;
            group = 0;
            continue;
        }
        x->buf[x->len++] = s[*i];
        x->intdigits++;
        group++;
    }
    if (grouped && group != 3) {
        *why = "bad thousands separator";
        return -1;
    }
    return 0;
}

/* Reads "e", an optional sign and digits at s[*i] into x->exp. */
static int exponent(const char *s, size_t n, size_t *i, struct shape *x)
{
    int neg = 0;
    size_t digits = 0;
    ++*i;
    if (*i < n && (s[*i] == '+' || s[*i] == '-'))
        neg = s[(*i)++] == '-';
    for (; *i < n && digit(s[*i]); ++*i, digits++)
        if (x->exp < EXP_CLAMP)
            x->exp = x->exp * 10 + (s[*i] - '0');
    x->exp = neg ? -x->exp : x->exp;
    x->has_exp = 1;
    return digits ? 0 : -1;
}

/* Validates the shape of s[0..n) (trimmed, not missing) into *x. Only
 * s[0..n) is read. Returns 0, or -1 with *why. */
static int read_shape(const char *s, size_t n, struct shape *x,
                      const char **why)
{
    size_t i = 0;
    memset(x, 0, sizeof *x);
    *why = "not a number";
    if (n >= 64) {
        *why = "number is too long (more than 63 characters)";
        return -1;
    }
    if (s[i] == '+' || s[i] == '-')
        x->buf[x->len++] = s[i++];
    if (integer_part(s, n, &i, x, why) != 0)
        return -1;
    if (i < n && s[i] == '.') {
        x->buf[x->len++] = s[i++];
        for (; i < n && digit(s[i]); i++, x->fracdigits++)
            x->buf[x->len++] = s[i];
    }
    if (x->intdigits + x->fracdigits == 0)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E') && exponent(s, n, &i, x) != 0)
        return -1;
    if (i != n)
        return -1;
    x->buf[x->len] = '\0';
    return 0;
}

/* The value of x's digits times 10^exp10, rounded once (strtod). */
static double at_power(struct shape *x, long exp10)
{
    snprintf(x->buf + x->len, sizeof x->buf - x->len, "e%ld", exp10);
    double v = strtod(x->buf, NULL);
    x->buf[x->len] = '\0';
    return v;
}

/* The exact value of x's digits when they make an integer below 10^15
 * (which a double holds exactly) divided by an exact power of ten: one
 * correctly rounded operation, the same double strtod gives. */
static double short_decimal(const struct shape *x)
{
    long long v = 0;
    for (const char *p = x->buf + (x->buf[0] == '-' || x->buf[0] == '+'); *p; p++)
        if (*p != '.')
            v = v * 10 + (*p - '0');
    double d = (double)v / pow10[x->fracdigits];
    return x->buf[0] == '-' ? -d : d;
}

/* The common cell at once: a sign, at most 15 digits and a point, no
 * separator, no exponent, unscaled: the value short_decimal() gives for
 * it, in *out. Returns 0 when the cell is of another shape (which
 * read_shape then reads, and which may be missing or no number). */
static int plain_decimal(const char *s, size_t n, double *out)
{
    size_t i = s[0] == '-' || s[0] == '+', digits = 0, frac = 0;
    int point = 0;
    long long v = 0;
    for (; i < n; i++) {
        if (digit(s[i])) {
            if (++digits > 15)
                return 0; /* past what a double holds exactly */
            v = v * 10 + (s[i] - '0');
            frac += (size_t)point;
        } else if (s[i] == '.' && !point) {
            point = 1;
        } else {
            return 0;
        }
    }
    if (digits == 0)
        return 0;
    double d = (double)v / pow10[frac];
    *out = s[0] == '-' ? -d : d;
    return 1;
}

/* Whether x has a digit other than 0 (its value is not zero). */
static int nonzero(const struct shape *x)
{
    for (const char *p = x->buf; *p; p++)
        if (*p >= '1' && *p <= '9')
            return 1;
    return 0;
}

int bt_number_parse_scaled(const char *s, size_t n, int exp10, double *out,
                           const char **why)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    double quick;
    if (n && !exp10 && plain_decimal(s, n, &quick)) {
        *out = quick == 0 ? 0.0 : quick; /* no -0 */
        return 1;
    }
    if (is_missing(s, n))
        return 0;
    struct shape x;
    if (read_shape(s, n, &x, why) != 0)
        return -1;
    /* 28014.94 at 10^8 reads as 28014.94e8, and 1e2 at 10^2 as 1e4: exact */
    double v = !x.has_exp && !exp10 && x.intdigits + x.fracdigits <= 15
                   ? short_decimal(&x)
                   : at_power(&x, x.exp + exp10);
    if (v == 0 && nonzero(&x)) { /* never silently 0 */
        *why = "number underflows (not 0, but smaller in magnitude than "
               "4.9406564584124654e-324, the smallest double above 0)";
        return -2;
    }
    if (!(fabs(v) <= BT_NUMBER_MAX)) {
        *why = exp10 && fabs(at_power(&x, x.exp)) <= BT_NUMBER_MAX
                   ? "number overflows after scaling (beyond ±" LIMIT ")"
                   : "number is out of range (beyond ±" LIMIT ")";
        return -2;
    }
    *out = v == 0 ? 0.0 : v; /* no -0 */
    return 1;
}

/* Writes the decimal digits of x, with a point k digits from the right. */
static size_t fixed(unsigned long long x, int k, int neg, char *buf)
{
    char tmp[40], *end = tmp + sizeof tmp, *p = end;
    int n = 0;
    do {
        if (n++ == k && k > 0)
            *--p = '.';
        *--p = (char)('0' + x % 10);
        x /= 10;
    } while (x > 0 || n <= k);
    if (neg)
        *--p = '-';
    size_t len = (size_t)(end - p);
    memcpy(buf, p, len);
    buf[len] = '\0';
    return len;
}

/* nearbyint(y) for 0 <= y (finite), without a call to libm: below 2^52
 * adding and taking away 2^52 leaves y rounded to an integer, as the
 * rounding mode rounds (to nearest, ties to even, as nearbyint's); from
 * 2^52 on every double is an integer. */
static double round_nonneg(double y)
{
    const double two52 = 4503599627370496.0;
    return y < two52 ? (y + two52) - two52 : y;
}

int bt_number_decimals(double v, double *x)
{
    double a = fabs(v);
    for (int k = 0; k < 16 && a < 1e15; k++) {
        *x = round_nonneg(a * pow10[k]);
        if (*x >= 1e15)
            break;
        if (*x / pow10[k] == a)
            return k;
    }
    return -1;
}

size_t bt_number_format(double v, char *buf)
{
    if (v == 0)
        v = 0.0; /* print -0 as 0 */
    /* The fewest fraction digits k with round(v 10^k) / 10^k == v: that
     * division is correctly rounded, as is reading the decimal back, so
     * the text reads back as exactly v (and is the shortest that does). */
    double x;
    int k = bt_number_decimals(v, &x);
    if (k >= 0)
        return fixed((unsigned long long)x, k, v < 0, buf);
    for (int prec = 15; prec <= 17; prec++) {
        int len = snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return (size_t)len;
    }
    return (size_t)snprintf(buf, 32, "%.17g", v);
}

