/* libFuzzer target: the mapping file parser. On success the mapping must
 * say where the periods are and, unless they are the header, name at
 * least one value, each with an indicator, or, without 'time', be one
 * for an SDMX-CSV file, saying only what such a mapping may; on failure
 * the message must say where. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/mapping.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ref_ok(const struct bt_map_ref *r)
{
    return r->at.line > 0 && r->at.col > 0 &&
           (r->name ? r->pos == 0 : r->pos >= 1 && r->pos <= 65536);
}
/* A flag or note column: a column, 'next', or none given. */
static int remark_ok(const struct bt_map_ref *r)
{
    if (r->next)
        return r->at.line > 0 && !r->name && r->pos == 0;
    return !r->at.line || ref_ok(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bt_mapping m;
    struct bt_error e;
    if (bt_mapping_parse(&m, (const char *)data, size, "f.map", &e) == 0) {
        if (m.header_first == 0 || m.header_last < m.header_first)
            abort();
        if (!m.has_time) { /* an SDMX-CSV file's */
            for (int k = 0; k < BT_MS_N; k++)
                if (m.said[k].line && !bt_map_stmt_sdmx((enum bt_map_stmt)k))
                    abort();
        } else if (m.time != BT_TIME_HEADER && m.nvalues == 0) {
            abort();
        }
        for (size_t i = 0; m.has_time && i < m.nvalues; i++)
            if (!m.values[i].indicator && !m.indicator)
                abort();
        if (!remark_ok(&m.flag_column) || !remark_ok(&m.note_column))
            abort();
        for (size_t i = 0; i < m.nvalues; i++)
            if (!remark_ok(&m.values[i].flag_column) ||
                !remark_ok(&m.values[i].note_column))
                abort();
        /* a column is a name or a position from 1, named at a place */
        for (size_t i = 0; i < m.nvalues; i++)
            if (!ref_ok(&m.values[i].column))
                abort();
        for (size_t i = 0; i < m.ndims; i++)
            for (size_t k = 0; k < m.dims[i].nlevels; k++)
                if (!ref_ok(&m.dims[i].levels[k]) || m.dims[i].nlevels > 10)
                    abort();
        for (size_t i = 0; i < m.nfilters; i++)
            if (!ref_ok(&m.filters[i].column) || m.filters[i].nvalues == 0)
                abort();
        for (size_t i = 0; i < m.nignored; i++)
            if (!ref_ok(&m.ignored[i]))
                abort();
        bt_mapping_alias(&m, "x", "y");
        bt_mapping_annual(&m, "a.x");
        bt_mapping_release(&m);
    } else if (strncmp(e.msg, "f.map:", 6) != 0) {
        abort();
    }
    return 0;
}
