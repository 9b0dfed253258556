/* Unit tests: number.c */
#include <float.h>
#include <math.h>

#include "check.h"
#include "base/number.h"

int main(void)
{
    static const struct {
        const char *in;
        int rc;
        double want;
    } cases[] = {
        {"0", 1, 0},          {"-0", 1, 0},          {"42", 1, 42},
        {"1,186", 1, 1186},   {"12,345,678", 1, 12345678},
        {"-1,186.5", 1, -1186.5}, {" 3.5 ", 1, 3.5}, {"1e3", 1, 1000},
        {".5", 1, 0.5},       {"+7", 1, 7},          {"0.1", 1, 0.1},
        {"", 0, 0},           {"-", 0, 0},           {"…", 0, 0},
        {"N/A", 0, 0},        {"...", 0, 0},         {"—", 0, 0},
        {"abc", -1, 0},       {"1,18", -1, 0},       {"1234,567", -1, 0},
        {",123", -1, 0},      {"1e400", -2, 0},      {"nan", -1, 0},
        {"inf", -1, 0},       {"0x10", -1, 0},       {"1.2.3", -1, 0},
        {"12a", -1, 0},       {"1e", -1, 0},         {"--5", -1, 0},
        /* the range: what librrd keeps (BT_NUMBER_MAX), and denormals */
        {"1e303", 1, 1e303},  {"-1e303", 1, -1e303}, {"1.1e303", -2, 0},
        {"3e303", -2, 0},     {"-1e308", -2, 0},     {"1.8e308", -2, 0},
        {"1e99999999999999999999", -2, 0},
        {"4.9406564584124654e-324", 1, DBL_TRUE_MIN},
        {"2.2250738585072014e-308", 1, DBL_MIN},
        /* an underflow is refused, never read as 0; a zero is 0 */
        {"1e-400", -2, 0},    {"-1e-99999999999999999999", -2, 0},
        {"2e-324", -2, 0},    {"0e-400", 1, 0},      {"-0.000e-99999", 1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double v = -999;
        const char *why;
        int rc = bt_number_parse(cases[i].in, strlen(cases[i].in), &v, &why);
        if (rc != cases[i].rc)
            fprintf(stderr, "'%s': rc %d, want %d\n", cases[i].in, rc, cases[i].rc);
        CHECK(rc == cases[i].rc);
        if (rc == 1) {
            CHECK(v == cases[i].want);
            CHECK(!signbit(v) || v != 0);
        }
    }
    /* scaled: the decimal point moved, one rounding */
    static const struct {
        const char *in;
        int exp10;
        double want;
    } scaled[] = {
        {"28014.94", 8, 2801494000000.0}, {"886.21", 8, 88621000000.0},
        {"2275538.07", 8, 227553807000000.0}, {"1.5", -2, 0.015},
        {"12", 4, 120000.0}, {"1e2", 2, 10000.0},
        /* the cell's exponent and the scale add up: one rounding */
        {"0.7e-2", 2, 0.7}, {"1.5e-1", 2, 15.0}, {"1e295", 8, 1e303},
    };
    for (size_t i = 0; i < sizeof scaled / sizeof *scaled; i++) {
        double v = -1;
        const char *why;
        CHECK(bt_number_parse_scaled(scaled[i].in, strlen(scaled[i].in),
                                     scaled[i].exp10, &v, &why) == 1);
        if (v != scaled[i].want)
            fprintf(stderr, "'%s' at 10^%d: %.17g\n", scaled[i].in,
                    scaled[i].exp10, v);
        CHECK(v == scaled[i].want);
    }
    /* out of range once scaled, or already */
    static const struct {
        const char *in;
        int exp10;
        const char *why;
    } over[] = {
        {"1.79e300", 8, "number overflows after scaling (beyond ±1e303)"},
        {"1e300", 30, "number overflows after scaling (beyond ±1e303)"},
        {"179,000", 300, "number overflows after scaling (beyond ±1e303)"},
        {"1e400", 2, "number is out of range (beyond ±1e303)"},
        {"1e304", 0, "number is out of range (beyond ±1e303)"},
    };
    for (size_t i = 0; i < sizeof over / sizeof *over; i++) {
        double v = -1;
        const char *why = "";
        CHECK(bt_number_parse_scaled(over[i].in, strlen(over[i].in),
                                     over[i].exp10, &v, &why) == -2);
        CHECK_STR(why, over[i].why);
        CHECK(v == -1);
    }
    /* only s[0..n) is read: what follows the cell changes nothing */
    static const struct {
        const char *text;
        size_t n;
        int exp10;
        double want;
    } cut[] = {
        {"123 e", 3, 3, 123000.0}, {"123e9", 3, 3, 123000.0},
        {"1e5", 1, 0, 1.0},        {"12345678901234567e9", 17, 0, 12345678901234567.0},
        {"2.5E", 3, 1, 25.0},      {"7,000", 1, 0, 7.0},
    };
    for (size_t i = 0; i < sizeof cut / sizeof *cut; i++) {
        double v = -1;
        const char *why;
        CHECK(bt_number_parse_scaled(cut[i].text, cut[i].n, cut[i].exp10, &v,
                                     &why) == 1);
        if (v != cut[i].want)
            fprintf(stderr, "'%.*s' at 10^%d: %.17g\n", (int)cut[i].n,
                    cut[i].text, cut[i].exp10, v);
        CHECK(v == cut[i].want);
    }
    static const struct {
        double v;
        const char *out;
    } fmt[] = {{0, "0"}, {-0.0, "0"}, {1186, "1186"}, {0.1, "0.1"},
               {3.14159265358979, "3.14159265358979"}, {-2.5, "-2.5"},
               {1e20, "1e+20"}, {0.30000000000000004, "0.30000000000000004"}};
    for (size_t i = 0; i < sizeof fmt / sizeof *fmt; i++) {
        char buf[32];
        bt_number_format(fmt[i].v, buf);
        CHECK_STR(buf, fmt[i].out);
    }
    return CHECK_DONE();
}
