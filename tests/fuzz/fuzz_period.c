/* libFuzzer target: the period and date-pattern parsers. A parsed date
 * must be valid, and its formatted form must parse back to it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/period.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data, *why;
    bt_day d, back;
    if (bt_period_parse(s, size, &d, &why) == 0) {
        char buf[11];
        int y, m, dd;
        bt_day_to_civil(d, &y, &m, &dd);
        if (!bt_date_valid(y, m, dd))
            abort();
        for (int f = BT_FREQ_YEARLY; f <= BT_FREQ_DAILY; f++) {
            size_t n = bt_period_format(d, (enum bt_freq)f, buf);
            if (bt_period_parse(buf, n, &back, &why) != 0 || back != d)
                abort(); /* what we print must read back */
        }
    }
    /* the first bytes up to a NUL, if any, as a pattern for the rest */
    const char *nul = memchr(s, '\0', size);
    if (nul && bt_date_pattern_check(s) == 0)
        bt_date_parse_pattern(s, nul + 1, size - (size_t)(nul + 1 - s), &d, &why);
    return 0;
}
