/* numfmt.c - numbers for people (see numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/number.h"

/* Copies the digits of s into buf with a ',' between groups of three in
 * the integer part. */
static size_t group(const char *s, char *buf)
{
    size_t n = 0;
    if (*s == '-')
        buf[n++] = *s++;
    size_t int_len = strcspn(s, ".");
    for (size_t i = 0; s[i]; i++) {
        if (i > 0 && i < int_len && (int_len - i) % 3 == 0)
            buf[n++] = ',';
        buf[n++] = s[i];
    }
    buf[n] = '\0';
    return n;
}

double bt_num_rounded(double v)
{
    double a = fabs(v);
    if (!isfinite(v) || a == 0)
        return v;
    int decimals = BT_SHOWN_DIGITS - 1 - (int)floor(log10(a));
    if (decimals <= 0)
        return round(v);
    if (decimals > 300)
        return v; /* subnormal: as it is */
    double scale = pow(10, decimals);
    double r = round(v * scale) / scale;
    return isfinite(r) ? r : v;
}

size_t bt_num_people(double v, char *buf)
{
    size_t n = bt_number_format(bt_num_rounded(v), buf);
    if (!strpbrk(buf, "eE"))
        return n;
    /* e-notation (1.2345678901234568e+29, 4.94065645841247e-324): the
     * digits bt_num_rounded cannot take off a double written this way */
    return (size_t)snprintf(buf, 32, "%.*g", BT_SHOWN_DIGITS, v);
}

size_t bt_num_grouped(double v, char *buf)
{
    char plain[32];
    bt_number_format(v, plain);
    if (strpbrk(plain, "eE")) /* in e-notation (1e+22, 5e-324): as it is */
        return (size_t)snprintf(buf, BT_NUMFMT_MAX, "%s", plain);
    return group(plain, buf);
}

/* Below this magnitude a short number is written in units; from it on,
 * in scientific form: few_digits() then never writes more than the 16
 * integer digits of 999,999,999,999,999 (a million billion) and its
 * separators. */
#define SHORT_UNITS_MAX 1e15

/* x (|x| < SHORT_UNITS_MAX) with 0, 1 or 2 decimals by its size,
 * trailing zeros dropped, grouped. */
static void few_digits(double x, char *out)
{
    double a = fabs(x);
    int decimals = a >= 99.95 ? 0 : a >= 9.995 ? 1 : 2;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, x);
    if (strchr(tmp, '.')) {
        size_t n = strlen(tmp);
        while (tmp[n - 1] == '0')
            tmp[--n] = '\0';
        if (tmp[n - 1] == '.')
            tmp[--n] = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    group(tmp, out);
}

size_t bt_num_short(double v, enum bt_lang l, char *buf)
{
    static const struct {
        double scale;
        const char *unit[3];
    } units[] = {{1e12, {" T", "万亿", "萬億"}},
                 {1e9, {" B", NULL, NULL}},
                 {1e8, {NULL, "亿", "億"}},
                 {1e6, {" M", NULL, NULL}},
                 {1e4, {NULL, "万", "萬"}}};
    if (!isfinite(v))
        return (size_t)snprintf(buf, BT_NUMFMT_MAX, "%s",
                                isnan(v) ? "nan" : v < 0 ? "-inf" : "inf");
    /* what rounds to SHORT_UNITS_MAX at three digits is written as it */
    if (fabs(v) >= SHORT_UNITS_MAX * 0.9995)
        return (size_t)snprintf(buf, BT_NUMFMT_MAX, "%.3g", v);
    char num[BT_NUMFMT_MAX];
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        /* a value that rounds up to the unit counts in it (999,999 is 1 M) */
        if (!units[i].unit[l] || fabs(v) < units[i].scale * 0.99995)
            continue;
        few_digits(v / units[i].scale, num);
        return (size_t)snprintf(buf, BT_NUMFMT_MAX, "%s%s", num, units[i].unit[l]);
    }
    few_digits(v, num);
    return (size_t)snprintf(buf, BT_NUMFMT_MAX, "%s", num);
}
