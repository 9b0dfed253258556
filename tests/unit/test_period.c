/* Unit tests: period.c */
#include "check.h"
#include "base/period.h"

static void test_parse(void)
{
    static const struct {
        const char *in, *want; /* want: YYYY-MM-DD, or NULL for an error */
    } cases[] = {
        {"2024", "2024-12-31"},       {"2024Q2", "2024-06-30"},
        {"2024-Q1", "2024-03-31"},    {"2024q4", "2024-12-31"},
        {"2024-06", "2024-06-30"},    {"2024-02", "2024-02-29"},
        {"2023-02", "2023-02-28"},    {"2024-06-30", "2024-06-30"},
        {"2024/6/3", "2024-06-03"},   {" 2024-06-30 ", "2024-06-30"},
        {"2024年", "2024-12-31"},     {"2024年6月", "2024-06-30"},
        {"2024年6月3日", "2024-06-03"}, {"2024年第二季度", "2024-06-30"},
        {"2024年3季度", "2024-09-30"},  {"2000-02-29", "2000-02-29"},
        {"1900-02-29", NULL},         {"2023-02-29", NULL},
        {"2024-13", NULL},            {"2024-00-10", NULL},
        {"2024Q5", NULL},             {"24", NULL},
        {"2024-06-31", NULL},         {"abc", NULL},
        {"", NULL},                   {"2024-06/30", NULL},
        {"2024年13月", NULL},         {"20240630", NULL},
        {"Q1 2023", "2023-03-31"},    {"q4-2023", "2023-12-31"},
        {"Jan-2023", "2023-01-31"},   {"Feb 2024", "2024-02-29"},
        {"September 2023", "2023-09-30"}, {"2023年1-6月", "2023-06-30"},
        {"2023年6-1月", NULL},        {"Q5 2023", NULL},
        {"Janu-2023", NULL},          {"Jan-23", NULL},
        {"Mayday 2023", NULL},        {"2023年1-13月", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bt_day d;
        const char *why;
        int rc = bt_period_parse(cases[i].in, strlen(cases[i].in), &d, &why);
        if (!cases[i].want) {
            if (rc == 0)
                fprintf(stderr, "accepted '%s'\n", cases[i].in);
            CHECK(rc != 0);
            continue;
        }
        char buf[11];
        CHECK(rc == 0);
        bt_date_format(d, buf);
        CHECK_STR(buf, cases[i].want);
    }
}

static void test_pattern(void)
{
    static const struct {
        const char *pattern, *in, *want;
    } cases[] = {
        {"DD-MM-YYYY", "08-03-2026", "2026-03-08"},
        {"DD-MM-YYYY", "8-03-2026", NULL},
        {"D/M/YYYY", "8/3/2026", "2026-03-08"},
        {"YYYYMMDD", "20260308", "2026-03-08"},
        {"MM/YYYY", "02/2024", "2024-02-29"},
        {"DD-MM-YYYY", "31-02-2026", NULL},
        {"DD-MM-YYYY", "08-03-2026x", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bt_day d;
        const char *why;
        int rc = bt_date_parse_pattern(cases[i].pattern, cases[i].in,
                                       strlen(cases[i].in), &d, &why);
        if (!cases[i].want) {
            CHECK(rc != 0);
            continue;
        }
        char buf[11];
        CHECK(rc == 0);
        bt_date_format(d, buf);
        CHECK_STR(buf, cases[i].want);
    }
    CHECK(bt_date_pattern_check("DD-MM-YYYY") == 0);
    CHECK(bt_date_pattern_check("DD-MM-YY") != 0);
}

static void test_fiscal_and_month(void)
{
    static const struct {
        const char *in;
        int start;
        const char *want;
    } cases[] = {
        {"2004/05", 4, "2005-03-31"}, {"2004-2005", 4, "2005-03-31"},
        {"FY2019/20", 7, "2020-06-30"}, {"1999/00", 4, "2000-03-31"},
        {"2004/06", 4, NULL},         {"2004", 4, NULL},
        {"2004/2006", 4, NULL},       {"2004/05x", 4, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bt_day d;
        const char *why;
        int rc = bt_fiscal_parse(cases[i].in, strlen(cases[i].in),
                                 cases[i].start, &d, &why);
        if (!cases[i].want) {
            CHECK(rc != 0);
            continue;
        }
        char buf[11];
        CHECK(rc == 0);
        bt_date_format(d, buf);
        CHECK_STR(buf, cases[i].want);
    }
    CHECK(bt_month_parse("Jan", 3) == 1);
    CHECK(bt_month_parse("december", 8) == 12);
    CHECK(bt_month_parse(" 09 ", 4) == 9);
    CHECK(bt_month_parse("6月", strlen("6月")) == 6);
    CHECK(bt_month_parse("13", 2) == -1);
    CHECK(bt_month_parse("", 0) == -1);
    CHECK(bt_month_parse("Ja", 2) == -1);
}

static void test_format_round_trip(void)
{
    static const struct {
        const char *in;
        enum bt_freq f;
        const char *out;
    } cases[] = {
        {"2024", BT_FREQ_YEARLY, "2024"},
        {"2024-06-30", BT_FREQ_YEARLY, "2024-06-30"},
        {"2024Q2", BT_FREQ_QUARTERLY, "2024Q2"},
        {"2024-05", BT_FREQ_QUARTERLY, "2024-05-31"},
        {"2024-02", BT_FREQ_MONTHLY, "2024-02"},
        {"2024-02-29", BT_FREQ_DAILY, "2024-02-29"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bt_day d, back;
        const char *why;
        char buf[11];
        CHECK(bt_period_parse(cases[i].in, strlen(cases[i].in), &d, &why) == 0);
        bt_period_format(d, cases[i].f, buf);
        CHECK_STR(buf, cases[i].out);
        CHECK(bt_period_parse(buf, strlen(buf), &back, &why) == 0 && back == d);
    }
}

static void test_civil(void)
{
    CHECK(bt_day_from_civil(1970, 1, 1) == 0);
    CHECK(bt_day_from_civil(2000, 3, 1) == 11017);
    CHECK(bt_day_from_civil(1969, 12, 31) == -1);
    /* every day from 1900 to 2100 round-trips */
    for (bt_day d = bt_day_from_civil(1900, 1, 1); d < bt_day_from_civil(2100, 1, 1); d++) {
        int y, m, dd;
        bt_day_to_civil(d, &y, &m, &dd);
        if (bt_day_from_civil(y, m, dd) != d || !bt_date_valid(y, m, dd)) {
            CHECK(!"civil round trip");
            break;
        }
    }
}

int main(void)
{
    test_parse();
    test_pattern();
    test_fiscal_and_month();
    test_format_round_trip();
    test_civil();
    return CHECK_DONE();
}
