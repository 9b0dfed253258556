/* Unit tests: numfmt.c, golden strings in the three languages, and every
 * magnitude of double written within BT_NUMFMT_MAX. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "site/numfmt.h"

static void want(const char *got, const char *expected, double v)
{
    if (strcmp(got, expected) != 0)
        fprintf(stderr, "%.17g: got '%s', want '%s'\n", v, got, expected);
    CHECK(strcmp(got, expected) == 0);
}

enum { LANGS = BT_LANG_ZH_HANT + 1 };

/* Calls f(v) with a guard after BT_NUMFMT_MAX bytes: nothing may be
 * written past it, and the length returned is the text's. */
static void bounded(double v, enum bt_lang l, int grouped)
{
    char buf[BT_NUMFMT_MAX + 64];
    memset(buf, '#', sizeof buf);
    size_t n = grouped ? bt_num_grouped(v, buf) : bt_num_short(v, l, buf);
    int guard_ok = 1;
    for (size_t i = BT_NUMFMT_MAX; i < sizeof buf; i++)
        guard_ok &= buf[i] == '#';
    if (!guard_ok || n >= BT_NUMFMT_MAX || strlen(buf) != n)
        fprintf(stderr, "%.17g (%s): %zu bytes\n", v,
                grouped ? "grouped" : "short", n);
    CHECK(guard_ok && n < BT_NUMFMT_MAX && strlen(buf) == n);
}

/* Every power of two a double has, and numbers of 17 digits at every
 * power of ten, both signs, denormals and the extremes, every language. */
static void range(void)
{
    static const double extremes[] = {DBL_MAX, DBL_MIN, DBL_TRUE_MIN,
                                      DBL_MIN / 3, 9.999999999999999e14,
                                      999999.5, 99999.95, 9.995};
    for (int sign = -1; sign <= 1; sign += 2) {
        for (int e = -1074; e <= 1023; e++)
            for (int l = 0; l < LANGS; l++) {
                bounded(sign * ldexp(1, e), (enum bt_lang)l, 0);
                bounded(sign * ldexp(1.9999999999999998, e), (enum bt_lang)l, 0);
            }
        for (int e = -324; e <= 308; e++) {
            double v = sign * 1.2345678901234567 * pow(10, e);
            if (!isfinite(v))
                continue;
            bounded(v, BT_LANG_EN, 1);
            for (int l = 0; l < LANGS; l++)
                bounded(v, (enum bt_lang)l, 0);
        }
        for (size_t i = 0; i < sizeof extremes / sizeof *extremes; i++) {
            bounded(sign * extremes[i], BT_LANG_EN, 1);
            for (int l = 0; l < LANGS; l++)
                bounded(sign * extremes[i], (enum bt_lang)l, 0);
        }
    }
}

/* Display units (display.csv): the figure shown is the stored one over
 * the divisor, then rounded by the rule (tables, status) or written short
 * (axes), golden in three languages. */
static void display_units(void)
{
    static const struct {
        double stored, divisor[LANGS];
        const char *table[LANGS], *axis[LANGS];
    } cases[] = {
        /* GDP stored in yuan, shown in trillion yuan / 万亿元 / 萬億元 */
        {14148890000000, {1e12, 1e12, 1e12},
         {"14.1489", "14.1489", "14.1489"}, {"14.1", "14.1", "14.1"}},
        {1.5e12, {1e12, 1e12, 1e12}, {"1.5", "1.5", "1.5"}, {"1.5", "1.5", "1.5"}},
        /* the same without a display unit: the axis in the language's own
         * large units, 万亿 and 萬億 (never 1,500,000億) */
        {1.5e12, {1, 1, 1},
         {"1,500,000,000,000", "1,500,000,000,000", "1,500,000,000,000"},
         {"1.5 T", "1.5万亿", "1.5萬億"}},
        {1.5e14, {1, 1, 1},
         {"150,000,000,000,000", "150,000,000,000,000", "150,000,000,000,000"},
         {"150 T", "150万亿", "150萬億"}},
        /* 亿元 stored: billion yuan in English (÷ 10), 万亿元 (÷ 10,000) */
        {138, {10, 1, 1}, {"13.8", "138", "138"}, {"13.8", "138", "138"}},
        {0.776628, {10, 1, 1}, {"0.0776628", "0.776628", "0.776628"},
         {"0.08", "0.78", "0.78"}},
        {141488.9, {1e4, 1e4, 1e4}, {"14.1489", "14.1489", "14.1489"},
         {"14.1", "14.1", "14.1"}},
        /* 亿元 stored, no display unit: 14.1万 (亿元) on the axis */
        {141488.9, {1, 1, 1}, {"141,489", "141,489", "141,489"},
         {"141,489", "14.1万", "14.1萬"}},
        /* HK$ stored, HK$ million shown */
        {3512345678, {1e6, 1e6, 1e6}, {"3,512.35", "3,512.35", "3,512.35"},
         {"3,512", "3,512", "3,512"}},
        /* counts a year in millions (en) and 万人次 (zh) */
        {40069360, {1e6, 1e4, 1e4}, {"40.0694", "4,006.94", "4,006.94"},
         {"40.1", "4,007", "4,007"}},
        /* the rule after the division: a mean's many digits are cut */
        {4322.225806451613, {1, 1, 1}, {"4,322.23", "4,322.23", "4,322.23"},
         {"4,322", "4,322", "4,322"}},
        {1039414.4642857143, {1, 1e4, 1e4}, {"1,039,414", "103.941", "103.941"},
         {"1.04 M", "104", "104"}},
    };
    char buf[BT_NUMFMT_MAX];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_indicator ind = {.id = "synthetic"};
        for (int l = 0; l < LANGS; l++)
            ind.shown_divisor[l] = cases[i].divisor[l];
        for (int l = 0; l < LANGS; l++) {
            double v = bt_shown_value(&ind, (enum bt_lang)l, cases[i].stored);
            bt_num_grouped(bt_num_rounded(v), buf);
            want(buf, cases[i].table[l], cases[i].stored);
            bt_num_short(v, (enum bt_lang)l, buf);
            want(buf, cases[i].axis[l], cases[i].stored);
        }
    }
    /* an indicator made without the catalogue (divisor 0): as stored */
    struct bt_indicator bare = {.id = "bare"};
    CHECK(bt_shown_value(&bare, BT_LANG_ZH_HANT, 1.5e12) == 1.5e12);
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
        {2801494000000, "2.8 T", "2.8万亿", "2.8萬億"},
        /* yuan: 14,148,890,000,000 is 14.1 trillion, 14.1万亿 */
        {14148890000000, "14.1 T", "14.1万亿", "14.1萬億"},
        {1.5e14, "150 T", "150万亿", "150萬億"},
        {99999000000, "100 B", "1,000亿", "1,000億"},
        {999990000000, "1 T", "1万亿", "1萬億"},
        {-1800000, "-1.8 M", "-180万", "-180萬"},
        /* beyond the units: three significant digits, scientific */
        {9.9949e14, "999 T", "999万亿", "999萬億"},
        {999999999999999, "1e+15", "1e+15", "1e+15"},
        {1e15, "1e+15", "1e+15", "1e+15"},
        {1e45, "1e+45", "1e+45", "1e+45"},
        {-1.2345e60, "-1.23e+60", "-1.23e+60", "-1.23e+60"},
        {DBL_MAX, "1.8e+308", "1.8e+308", "1.8e+308"},
        {-1e308, "-1e+308", "-1e+308", "-1e+308"},
        {4.9e-324, "0", "0", "0"},
        {-1e-300, "0", "0", "0"},
        {INFINITY, "inf", "inf", "inf"},
        {-INFINITY, "-inf", "-inf", "-inf"},
        {NAN, "nan", "nan", "nan"},
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
        {1234567890123456.8, "1,234,567,890,123,456.8"}, {-1e308, "-1e+308"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {4.9e-324, "4.94065645841247e-324"}, {INFINITY, "inf"},
    };
    for (size_t i = 0; i < sizeof grouped / sizeof *grouped; i++) {
        bt_num_grouped(grouped[i].v, buf);
        want(buf, grouped[i].s, grouped[i].v);
    }
    /* the one rule for a number shown: six significant digits, never
     * fewer than the integer digits */
    static const struct {
        double v, shown;
    } rounded[] = {
        {4322.225806451613, 4322.23},  {3664.3571428571427, 3664.36},
        {586667.0666666667, 586667},   {1039414.4642857143, 1039414},
        {2143726.6666666665, 2143727}, {0.123456789, 0.123457},
        {14148890000000, 14148890000000}, {-2.5, -2.5}, {47, 47},
        {99999.95, 100000},            {0.000123456789, 0.000123457},
        {0, 0},
    };
    for (size_t i = 0; i < sizeof rounded / sizeof *rounded; i++) {
        double r = bt_num_rounded(rounded[i].v);
        if (r != rounded[i].shown)
            fprintf(stderr, "bt_num_rounded(%.17g) = %.17g, want %.17g\n",
                    rounded[i].v, r, rounded[i].shown);
        CHECK(r == rounded[i].shown);
    }
    CHECK(isnan(bt_num_rounded(NAN)) && bt_num_rounded(INFINITY) == INFINITY);
    CHECK(bt_num_rounded(4.9e-324) == 4.9e-324);
    /* for people, e-notation has at most six significant digits too */
    static const struct {
        double v;
        const char *text;
    } people[] = {
        {123456789012345678901234567890.0, "1.23457e+29"},
        {4.9e-324, "4.94066e-324"},
        {-1.2345678901234567e-300, "-1.23457e-300"},
        {1e60, "1e+60"},
        {14148890000000, "14148890000000"},
        {4322.225806, "4322.23"},
        {0.12345678, "0.123457"},
    };
    for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
        char text[32];
        bt_num_people(people[i].v, text);
        want(text, people[i].text, people[i].v);
        CHECK(strcmp(text, people[i].text) == 0);
    }
    display_units();
    range();
    return CHECK_DONE();
}
