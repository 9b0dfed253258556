/* number.c - parsing and printing numbers (see number.h). */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (is_missing(s, n))
        return 0;

    /* Validate the shape and copy it without separators into buf. */
    char buf[64];
    size_t i = 0, o = 0, intdigits = 0, group = 0;
    int grouped = 0;
    *why = "not a number";
    if (n >= sizeof buf) {
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

    double v;
    if (fracdigits == 0 && o < 16 && !strpbrk(buf, "eE")) {
        /* exact fast path for integers below 10^15 */
        long long x = 0;
        const char *p = buf + (buf[0] == '-' || buf[0] == '+');
        for (; *p; p++)
            x = x * 10 + (*p - '0');
        v = buf[0] == '-' ? -(double)x : (double)x;
    } else {
        v = strtod(buf, NULL);
    }
    if (!isfinite(v)) {
        *why = "number is out of range";
        return -1;
    }
    *out = v == 0 ? 0.0 : v; /* no -0 */
    return 1;
}

size_t bt_number_format(double v, char *buf)
{
    if (v == 0)
        v = 0.0; /* print -0 as 0 */
    if (v == floor(v) && fabs(v) < 1e15)
        return (size_t)snprintf(buf, 32, "%.0f", v);
    for (int prec = 15; prec <= 17; prec++) {
        int len = snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return (size_t)len;
    }
    return (size_t)snprintf(buf, 32, "%.17g", v);
}
