/* test_breakdown.c - targets per breakdown (catalogue.h, breakdown.h): a
 * targets.csv with dimension columns is read into the total's targets and
 * each breakdown's, a breakdown sees only its own, and one assessed on
 * them gives what docs/methodology.md computes by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assess/breakdown.h"
#include "assess/progress.h"
#include "check.h"
#include "model/catalogue.h"

#define DAYS_PER_YEAR 365.2425

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char indicators[] =
    "id,name_en,name_zh_hans,name_zh_hant,unit,direction,frequency,domain,source\n"
    "gdp,GDP,地区生产总值,地區生產總值,yuan,up,yearly,test,NBS\n"
    "trips,Trips,出行,出行,trips,up,daily,test,IMMD\n";

/* The real NBS figures of Guangdong (分省年度数据, 亿元) and an
 * illustrative target; another province's and the total's targets that
 * Guangdong must not see. */
static const char targets[] =
    "indicator,date,value,kind,source,Region,illustrative,Control Point,direction\n"
    "gdp,2020,11000000000000,target,x,广东省,yes,,\n"
    "gdp,2015,7281255000000,baseline,NBS,广东省,,,\n"
    "gdp,2015,2000,baseline,x,,,,\n"
    "gdp,2020,6000000000000,target,x,浙江省,yes,,\n"
    "gdp,2030,9000,target,x\n" /* cells left off: the total */
    "trips,2030,5,target,x,,,Lo Wu,Arrival\n";

static void catalogue_targets(const char *dir)
{
    struct bt_catalogue cat;
    struct bt_error e;
    write_file(dir, "indicators.csv", indicators);
    write_file(dir, "targets.csv", targets);
    CHECK(bt_catalogue_load(&cat, dir, &e) == 0);
    const struct bt_indicator *gdp = bt_catalogue_find(&cat, "gdp", 3);
    CHECK(gdp && gdp->ntargets == 2 && gdp->nbreakdowns == 2);
    if (!gdp || gdp->nbreakdowns != 2)
        return;
    /* breakdowns sorted by value; each one's targets by date */
    CHECK_STR(gdp->breakdowns[0].dims[0].name, "region");
    CHECK_STR(gdp->breakdowns[0].dims[0].value, "广东省");
    CHECK(gdp->breakdowns[0].ntargets == 2 &&
          gdp->breakdowns[0].targets[0].kind == BT_KIND_BASELINE &&
          gdp->breakdowns[0].targets[1].illustrative);
    CHECK(gdp->targets[0].value == 2000 && gdp->targets[1].value == 9000);

    struct bt_indicator v;
    struct bt_dim gd = {"region", "广东省"}, bj = {"region", "北京市"};
    bt_breakdown_view(gdp, &gd, 1, &v);
    CHECK(v.ntargets == 2 && v.targets[0].value == 7281255000000.0);
    CHECK(v.id == gdp->id && v.freq == gdp->freq);
    bt_breakdown_view(gdp, &bj, 1, &v);
    CHECK(v.ntargets == 0 && v.targets == NULL);
    bt_breakdown_view(gdp, NULL, 0, &v);
    CHECK(v.targets == gdp->targets && v.ntargets == 2);

    /* two dimensions, in either order; one of them alone is another */
    const struct bt_indicator *trips = bt_catalogue_find(&cat, "trips", 5);
    struct bt_dim two[2] = {{"direction", "Arrival"}, {"control_point", "Lo Wu"}};
    bt_breakdown_view(trips, two, 2, &v);
    CHECK(v.ntargets == 1 && v.targets[0].value == 5);
    struct bt_dim swapped[2] = {two[1], two[0]};
    bt_breakdown_view(trips, swapped, 2, &v);
    CHECK(v.ntargets == 1);
    bt_breakdown_view(trips, two + 1, 1, &v);
    CHECK(v.ntargets == 0);

    CHECK(bt_breakdown_check(two, 2, &e) == 0);
    struct bt_dim twice[2] = {{"region", "a"}, {"region", "b"}};
    CHECK(bt_breakdown_check(twice, 2, &e) != 0 && strstr(e.msg, "'region'"));
    bt_catalogue_release(&cat);
}

/* Guangdong on its own baseline and target, by hand from
 * docs/methodology.md's growth method with two points (the baseline and
 * the latest), against bt_progress_assess on the breakdown's view. */
static void assessed_by_the_method(const char *dir)
{
    struct bt_catalogue cat;
    struct bt_error e;
    write_file(dir, "targets.csv", targets);
    if (bt_catalogue_load(&cat, dir, &e) != 0) {
        CHECK(0);
        return;
    }
    const struct bt_indicator *gdp = bt_catalogue_find(&cat, "gdp", 3);
    struct bt_dim gd = {"region", "广东省"};
    struct bt_indicator v;
    bt_breakdown_view(gdp, &gd, 1, &v);
    bt_day b = bt_day_from_civil(2015, 12, 31), t = bt_day_from_civil(2017, 12, 31),
           T = bt_day_from_civil(2020, 12, 31);
    double x_b = 72812.55e8, x_t = 89705.23e8, x_T = 110000e8;
    struct bt_point obs[1] = {{t, x_t}};
    struct bt_progress p;
    bt_progress_assess(&v, obs, 1, INT32_MAX, &p);

    double cr = pow(x_t / x_b, DAYS_PER_YEAR / (double)(t - b)) - 1;
    double req = pow(x_T / x_b, DAYS_PER_YEAR / (double)(T - b)) - 1;
    double r = cr / req, prog = (x_t - x_b) / (x_T - x_b);
    enum bt_status want = r >= 0.95 ? BT_ON_TRACK : r >= 0.60 ? BT_MODERATE_PROGRESS
                                                              : BT_OFF_TRACK;
    bt_day proj = t + (bt_day)ceil(log(x_T / x_t) / log1p(cr) * DAYS_PER_YEAR);
    CHECK(p.method == BT_PACE_GROWTH);
    CHECK(fabs(p.rate_actual - cr) < 1e-12 && fabs(p.rate_required - req) < 1e-12);
    CHECK(fabs(p.pace - r) < 1e-9 && fabs(p.progress - prog) < 1e-12);
    CHECK(p.status == want && p.has_projection && p.projected_date == proj);
    CHECK(p.baseline_value == x_b && p.target_value == x_T && !p.baseline_observed);

    /* Beijing has no target of its own: its trend, not Guangdong's nor
     * the total's target */
    struct bt_dim bj = {"region", "北京市"};
    bt_breakdown_view(gdp, &bj, 1, &v);
    struct bt_point bobs[2] = {{b, 23014.59e8}, {t, 28014.94e8}};
    bt_progress_assess(&v, bobs, 2, INT32_MAX, &p);
    double g = pow(28014.94 / 23014.59, DAYS_PER_YEAR / (double)(t - b)) - 1;
    CHECK(!p.has_target && p.has_trend && p.status == BT_IMPROVING);
    CHECK(fabs(p.rate_actual - g) < 1e-12);
    bt_catalogue_release(&cat);
}

/* Header problems are errors at their cell. */
static void bad_headers(const char *dir)
{
    static const struct {
        const char *targets, *want;
    } cases[] = {
        {"indicator,date,value,kind,source,Value\n", "targets.csv:1:6: header 'Value': dimension 'value' is a column already or a reserved name"},
        {"indicator,date,value,kind,source,region,Region\n", "targets.csv:1:7: header 'Region': dimension 'region' is a column already or a reserved name"},
        {"indicator,date,value,kind,source,区域\n", "targets.csv:1:6: header '区域': "},
        {"indicator,date,value,kind,source,region\ngdp,2020,1,target,x,\"a\nb\"\n", "targets.csv:2:6: region 'a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_catalogue cat;
        struct bt_error e;
        write_file(dir, "targets.csv", cases[i].targets);
        CHECK(bt_catalogue_load(&cat, dir, &e) != 0);
        const char *at = strstr(e.msg, "targets.csv");
        if (!at || strncmp(at, cases[i].want, strlen(cases[i].want)) != 0) {
            fprintf(stderr, "case %zu: got '%s'\n", i, e.msg);
            check_failures++;
        }
    }
}

int main(void)
{
    char dir[] = "/tmp/test_breakdown-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    catalogue_targets(dir);
    assessed_by_the_method(dir);
    bad_headers(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/indicators.csv", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/targets.csv", dir);
    unlink(path);
    rmdir(dir);
    return CHECK_DONE();
}
