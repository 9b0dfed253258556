/* number.c - parsing and printing numbers (see number.h). */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

static const char *const missing_marks[] = {
    "-", "--", "\xe2\x80\x94" /* — */, "\xe2\x80\xa6" /* … */, "...",
    "N/A", "n/a", "NA", "n.a.",
};

static int is_missing(const char *s, size_t n)
{
    if (n == 0)
        return 1;
    for (size_t i = 0; i < sizeof missing_marks / sizeof *missing_marks; i++)
        if (strlen(missing_marks[i]) == n && memcmp(s, missing_marks[i], n) == 0)
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

int bt_number_parse_scaled(const char *s, size_t n, int exp10, double *out,
                           const char **why)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (is_missing(s, n))
        return 0;

    /* Validate the shape and copy it without separators into buf. */
    char buf[80];
    size_t i = 0, o = 0, intdigits = 0, group = 0;
    int grouped = 0;
    *why = "not a number";
    if (n >= 64) { /* room left for an exponent */
        *why = "number is too long";
        return -1;
    }
    if (s[i] == '+' || s[i] == '-')
        buf[o++] = s[i++];
    for (; i < n && (digit(s[i]) || s[i] == ','); i++) {
        if (s[i] == ',') {
            if (intdigits == 0 || (grouped && group != 3) || (!grouped && group > 3))
                return -1;
            grouped = 1;
            group = 0;
            continue;
        }
        buf[o++] = s[i];
        intdigits++;
        group++;
    }
    if (grouped && group != 3) {
        *why = "bad thousands separator";
        return -1;
    }
    size_t fracdigits = 0;
    if (i < n && s[i] == '.') {
        buf[o++] = s[i++];
        for (; i < n && digit(s[i]); i++, fracdigits++)
            buf[o++] = s[i];
    }
    if (intdigits + fracdigits == 0)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        buf[o++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-'))
            buf[o++] = s[i++];
        size_t e = 0;
        for (; i < n && digit(s[i]); i++, e++)
            buf[o++] = s[i];
        if (e == 0)
            return -1;
    }
    if (i != n)
        return -1;
    buf[o] = '\0';
    int has_exp = strpbrk(buf, "eE") != NULL;
    if (exp10 && !has_exp) /* 28014.94 at 10^8 reads as 28014.94e8: exact */
        snprintf(buf + o, sizeof buf - o, "e%d", exp10), has_exp = 1;

    double v;
    if (intdigits + fracdigits <= 15 && !has_exp) {
        /* Exact fast path: the digits make an integer below 10^15, which a
         * double holds exactly, and dividing it by an exact power of ten is
         * one correctly rounded operation: the same double strtod gives. */
        long long x = 0;
        for (const char *p = buf + (buf[0] == '-' || buf[0] == '+'); *p; p++)
            if (*p != '.')
                x = x * 10 + (*p - '0');
        v = (double)x / pow10[fracdigits];
        if (buf[0] == '-')
            v = -v;
    } else {
        v = strtod(buf, NULL);
        if (exp10 && strpbrk(s, "eE"))
            v *= pow(10, exp10);
    }
    if (!isfinite(v)) {
        *why = "number is out of range";
        return -1;
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

size_t bt_number_format(double v, char *buf)
{
    if (v == 0)
        v = 0.0; /* print -0 as 0 */
    double a = fabs(v);
    /* The fewest fraction digits k with round(v 10^k) / 10^k == v: that
     * division is correctly rounded, as is reading the decimal back, so
     * the text reads back as exactly v (and is the shortest that does). */
    for (int k = 0; k < 16 && a < 1e15; k++) {
        double x = nearbyint(a * pow10[k]);
        if (x >= 1e15)
            break;
        if (x / pow10[k] == a)
            return fixed((unsigned long long)x, k, v < 0, buf);
    }
    for (int prec = 15; prec <= 17; prec++) {
        int len = snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return (size_t)len;
    }
    return (size_t)snprintf(buf, 32, "%.17g", v);
}

