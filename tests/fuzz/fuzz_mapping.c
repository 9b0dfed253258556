/* libFuzzer target: the mapping file parser. On success the mapping must
 * name a time column and at least one value; on failure the message must
 * say where. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mapping.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bt_mapping m;
    struct bt_error e;
    if (bt_mapping_parse(&m, (const char *)data, size, "f.map", &e) == 0) {
        if (!m.time_column || m.nvalues == 0)
            abort();
        bt_mapping_alias(&m, "x", "y");
        bt_mapping_release(&m);
    } else if (strncmp(e.msg, "f.map:", 6) != 0) {
        abort();
    }
    return 0;
}
