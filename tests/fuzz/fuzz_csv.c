/* libFuzzer target: bytes -> decoding -> CSV records -> a whole dataset
 * (every layout), against a small catalogue. Nothing may crash, leak or
 * hang, and every problem must have a line. */
#include <stdint.h>
#include <stdlib.h>

#include "dataset.h"
#include "encoding.h"

static struct bt_indicator inds[] = {
    {.id = "a.x", .freq = BT_FREQ_YEARLY},
    {.id = "b.y", .freq = BT_FREQ_DAILY},
};
static const struct bt_catalogue cat = {inds, 2};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bt_text text;
    struct bt_diags diags = BT_DIAGS_INIT;
    if (bt_text_decode((const char *)data, size, NULL, &text, &diags) == 0) {
        struct bt_dataset ds;
        if (bt_dataset_parse(&ds, text.buf, text.len, &cat, NULL, &diags) == 0)
            bt_dataset_group(&ds, &diags);
        for (size_t i = 0; i < diags.n; i++)
            if (diags.v[i].line == 0)
                abort(); /* every problem has a place */
        bt_dataset_release(&ds);
    }
    bt_text_release(&text);
    bt_diags_release(&diags);
    return 0;
}
