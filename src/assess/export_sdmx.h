/* export_sdmx.h - an indicator's series written as SDMX-CSV 2.0, which
 * other systems (Open SDG, .Stat Suite) read and `load --indicator ID`
 * reads back to the same values, flags and notes:
 *
 *   STRUCTURE,STRUCTURE_ID,ACTION,FREQ,DIM...,TIME_PERIOD,OBS_VALUE
 *   [,OBS_STATUS][,OBS_COMMENT]
 *
 * STRUCTURE is 'dataflow', STRUCTURE_ID BAYTRACK:ID(1.0) (the id's dots
 * as underscores, which an SDMX id allows), ACTION 'I'; FREQ the
 * catalogue's frequency (A, Q, M, D); a column for every dimension any
 * series has, its name in upper case (sdmx_indicator, which SDMX's
 * INDICATOR reads as, goes back to INDICATOR); TIME_PERIOD in SDMX's
 * form (2024, 2024-Q2, 2024-06, 2024-06-30); OBS_STATUS the flag and
 * OBS_COMMENT the note, when any observation has one. Sources and the
 * unit are not written (SDMX gives them in its structure files). */
#ifndef BT_EXPORT_SDMX_H
#define BT_EXPORT_SDMX_H

#include "export.h"

/* Appends the SDMX-CSV 2.0 of x[0..n), series of ind, to *out. */
void bt_export_sdmx(struct bt_buf *out, const struct bt_indicator *ind,
                    const struct bt_exported *x, size_t n);

#endif
