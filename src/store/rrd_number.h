/* rrd_number.h - the doubles librrd keeps, modelled without calling it.
 *
 * A value goes into an RRD file as text and comes back as a double, and
 * librrd rounds twice on the way (docs/storage.md):
 *   1. its reader (rrd_strtod) sums the digits in a double and scales the
 *      sum by 10, 100, 10^4, 10^8 ... one rounding each;
 *   2. it keeps a GAUGE as the area over its step: for an update one step
 *      after the last (every update baytrack writes, see store_rrd.h) the
 *      read value times 86400, over 86400 (the rate), times 86400 (the
 *      area up to the step's end), over 86400 (the step's value), each
 *      operation rounded (rrd_update.c, update_pdp_prep and
 *      process_pdp_st).
 * The text is chosen so that step 1 is exact wherever a text can be;
 * step 2 still moves some values with 15 to 17 significant digits by an
 * ulp or a few. The model is pure arithmetic; tests/unit/test_rrd_number.c
 * checks it against librrd, through store_rrd.c, on every kind of value.
 *
 * bt_rrd_stored and bt_rrd_kept take any double; inf and nan come back as
 * they are. */
#ifndef BT_RRD_NUMBER_H
#define BT_RRD_NUMBER_H

#include <stddef.h>

/* The double librrd's reader gives for the text s (a decimal number as
 * bt_rrd_text() writes it: sign, digits, point, exponent). */
double bt_rrd_reads(const char *s);

/* Writes into buf (at least 80 bytes) the text store_rrd.c gives librrd
 * for v: one that librrd's reader takes as exactly v when there is one (v's
 * shortest form, or its fraction padded with zeros to 2, 4, 8 or 16
 * digits), else the text of a neighbouring double that the reader rounds
 * to v, else v's shortest form. Returns the length. The same rule as
 * store_rrd.c's rrd_number(). */
size_t bt_rrd_text(double v, char *buf);

/* The double a file holds after v is written as bt_rrd_text(v): what
 * reading it back gives. */
double bt_rrd_stored(double v);

/* The double that is kept for v: the value near v that is stored as
 * itself (bt_rrd_stored(c) == c), found by storing v again and again as
 * a rebuild would (most values are kept as they are; the rest settle
 * within a dozen rounds). In the rare case that storing goes round a
 * cycle, the least value of the cycle. So bt_rrd_kept(bt_rrd_stored(v))
 * == bt_rrd_kept(v): a value read back and the text it came from compare
 * equal after bt_rrd_kept(), and exactly. */
double bt_rrd_kept(double v);

#endif
