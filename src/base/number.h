/* number.h - the numbers found in statistical CSV files. */
#ifndef BT_NUMBER_H
#define BT_NUMBER_H

#include <stddef.h>

/* The largest magnitude a number may have. librrd keeps a daily value as
 * the value times the 86,400 seconds of its step, which is inf beyond
 * about 2.08e303 (docs/storage.md); 1e303 keeps clear of that and is
 * easy to say. */
#define BT_NUMBER_MAX 1e303
/* A number other than 0 too small for a double (1e-400: below
 * 4.9406564584124654e-324, DBL_TRUE_MIN, where strtod gives 0) is
 * refused, never read as 0. Denormals are kept (librrd stores them). */

/* Parses the cell s[0..n) (only those bytes are read). Accepts an
 * optional sign, digits with optional thousands separators in groups of
 * three ("1,186", "12,345.5"), a decimal point and an exponent. Spaces
 * around the number are ignored.
 *
 * Returns 1 and the value in *out (never -0, never inf or nan, at most
 * BT_NUMBER_MAX in magnitude, 0 only for a cell that is 0; rounded
 * once, as strtod rounds);
 * 0 when the cell says "missing": blank, "-", "--", "—", "…", "...",
 * "N/A", "NA", "n.a." (never zero);
 * -1 when it is not a number, -2 when it is one out of range (too large,
 * or too small: an underflow), with a
 * reason in *why (static text).
 * Independent of the process locale. */
int bt_number_parse(const char *s, size_t n, double *out, const char **why);

/* The same for a cell written in units of 10^exp10 (亿 = 10^8): the value
 * is the decimal number the cell would be with its point moved, rounded
 * once, so 28014.94 at 10^8 is exactly 2801494000000, and 1e2 at 10^2 is
 * 1e4. A value out of range only once scaled returns -2 with a reason
 * that says so. */
int bt_number_parse_scaled(const char *s, size_t n, int exp10, double *out,
                           const char **why);

/* The fewest decimals k (0 to 15) with which |v| is an integer *x below
 * 10^15 over 10^k: x / 10^k == |v|, that division rounded once, so the
 * decimal x / 10^k reads back as exactly |v|. Returns k, or -1 when
 * there is none (|v| at or above 10^15, more digits, inf or nan). */
int bt_number_decimals(double v, double *x);

/* Writes v with the fewest digits (at most 17) that read back as exactly v.
 * buf holds at least 32 bytes; returns the length. */
size_t bt_number_format(double v, char *buf);

#endif
