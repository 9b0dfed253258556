/* Unit tests: numfmt.c, golden strings in the three languages. */
#include <string.h>

#include "check.h"
#include "numfmt.h"

static void want(const char *got, const char *expected, double v)
{
    if (strcmp(got, expected) != 0)
        fprintf(stderr, "%.17g: got '%s', want '%s'\n", v, got, expected);
    CHECK(strcmp(got, expected) == 0);
}

int main(void)
{
    static const struct {
        double v;
        const char *en, *hans, *hant;
    } shorts[] = {
        {0, "0", "0", "0"},
        {0.776628, "0.78", "0.78", "0.78"},
        {47, "47", "47", "47"},
        {-12.5, "-12.5", "-12.5", "-12.5"},
        {5092, "5,092", "5,092", "5,092"},
        {9999, "9,999", "9,999", "9,999"},
        {10000, "10,000", "1万", "1萬"},
        {120000, "120,000", "12万", "12萬"},
        {999999, "1 M", "100万", "100萬"},
        {1200000, "1.2 M", "120万", "120萬"},
        {1039414.4642857143, "1.04 M", "104万", "104萬"},
        {35000000, "35 M", "3,500万", "3,500萬"},
        {298514012, "299 M", "2.99亿", "2.99億"},
        {2801494000000, "2,801 B", "28,015亿", "28,015億"},
        {-1800000, "-1.8 M", "-180万", "-180萬"},
    };
    char buf[BT_NUMFMT_MAX];
    for (size_t i = 0; i < sizeof shorts / sizeof *shorts; i++) {
        bt_num_short(shorts[i].v, BT_LANG_EN, buf);
        want(buf, shorts[i].en, shorts[i].v);
        bt_num_short(shorts[i].v, BT_LANG_ZH_HANS, buf);
        want(buf, shorts[i].hans, shorts[i].v);
        bt_num_short(shorts[i].v, BT_LANG_ZH_HANT, buf);
        want(buf, shorts[i].hant, shorts[i].v);
    }
    static const struct {
        double v;
        const char *s;
    } grouped[] = {
        {0, "0"},         {999, "999"},           {1000, "1,000"},
        {-1234.5, "-1,234.5"}, {56424, "56,424"}, {298514012, "298,514,012"},
        {1039414.4642857143, "1,039,414.4642857143"}, {0.776628, "0.776628"},
        {1e22, "1e+22"},
    };
    for (size_t i = 0; i < sizeof grouped / sizeof *grouped; i++) {
        bt_num_grouped(grouped[i].v, buf);
        want(buf, grouped[i].s, grouped[i].v);
    }
    return CHECK_DONE();
}
