/* numfmt.h - numbers written for people, in each report language.
 *
 * bt_num_grouped: the exact value with thousands separators, for tables
 *   (1234567.5 is "1,234,567.5" in every language).
 * bt_num_short: at most four significant digits in the language's large
 *   units, for chart axes and labels:
 *     en       1.2 M, 35 M, 2.99 B, 14.1 T; below a million, grouped
 *     zh-Hans  120万, 3,500万, 2.99亿, 150万亿; below ten thousand, grouped
 *     zh-Hant  120萬, 3,500萬, 2.99億, 150萬億
 *   The number of units keeps 0 decimals from 100, 1 from 10, else 2,
 *   without trailing zeros. From 10^15 on, three significant digits in
 *   scientific form in every language (1.23e+15, 1.8e+308).
 * bt_num_rounded: the one rule for a number shown to a person (status,
 *   the pages, chart labels): at most BT_SHOWN_DIGITS significant digits,
 *   but never fewer than its integer digits: 4322.225806 is 4322.23,
 *   1039414.46 is 1039414, 0.12345678 is 0.123457, 14148890000000 stays.
 *   Exports keep the stored value exactly (export.h).
 * bt_num_people: v rounded by that rule and written as bt_number_format
 *   does (no separators), but in e-notation (|v| from 10^15 with more
 *   digits, tiny and subnormal values) with at most BT_SHOWN_DIGITS
 *   significant digits too: 1.23457e+29, 4.94066e-324 (for status);
 *   buf holds at least 32 bytes.
 * Both take any double (inf and nan are written "inf", "-inf", "nan"),
 * are independent of the process locale and write at most
 * BT_NUMFMT_MAX bytes with the NUL into buf; they return the length. */
#ifndef BT_NUMFMT_H
#define BT_NUMFMT_H

#include <stddef.h>

#include "model/catalogue.h"

#define BT_NUMFMT_MAX 48

#define BT_SHOWN_DIGITS 6

double bt_num_rounded(double v);
size_t bt_num_people(double v, char *buf);
size_t bt_num_grouped(double v, char *buf);
size_t bt_num_short(double v, enum bt_lang l, char *buf);

#endif
