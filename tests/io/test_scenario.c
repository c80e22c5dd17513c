/* test_scenario.c: the scenario reader: every bad-input class gives its code
 * and a message naming file, row, section and key; encodings, comments, '%',
 * column order and base inheritance read as MODEL.md says. */
#define _XOPEN_SOURCE 700
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "fix_io.h"
#include "../../io/scenario.h"

/* header with every optional column, then a valid community (rows 2-5) */
#define HEAD "section,key,value,low,high,dist\n"
#define VALID HEAD "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n" \
    "community:a,collection_start,0.5\ncommunity:a,cost_annual,20000\n"

static const char *dir;

static int load(const char *text, rs_scenario *s, rs_error *err)
{
    return rs_test_load_text(s, dir, "t.csv", text, err);
}

static const struct bad_case {
    const char *what, *text, *want;
    int code;
} bad[] = {
    {"unknown key", VALID "shops:x,rnet,3\n", "t.csv:6: shops:x.rnet: unknown key 'rnet'", RS_EDATA},
    {"key suggestion", VALID "parking:p,utilisation_target,0.9\n",
     "t.csv:6: parking:p.utilisation_target: unknown key 'utilisation_target' for section "
     "'parking' (did you mean 'utilization_target'?)", RS_EDATA},
    {"section suggestion", VALID "parkin:p,spaces,3\n",
     "t.csv:6: parkin:p.spaces: unknown section 'parkin' (did you mean 'parking'?)", RS_EDATA},
    {"switching off a lever that is not there", VALID "other:cars,income,5\nother:car,enabled,0\n",
     "t.csv:7: other:car.enabled: no lever 'other:car' is defined (here or in the base) (did "
     "you mean 'cars'?)", RS_EDATA},
    {"start month", VALID "scenario,start,2025-13\n",
     "t.csv:6: scenario.start: '2025-13' is not a month written YYYY-MM", RS_EDATA},
    {"extra fields", VALID "community:a,fee_growth,0.1,0,0.2,triangular,x,y\n",
     "t.csv:6: row has 8 fields but the header names 6 columns", RS_EDATA},
    {"semicolons", "section;key;value\n", "t.csv:1: header: missing column 'section' (need "
     "section,key,value); columns must be separated by commas, not ';'", RS_EDATA},
    {"UTF-16", "\xFF\xFEs\0", "UTF-16 text", RS_EDATA},
    {"unknown section", VALID "shop:x,rent,3\n", "t.csv:6: shop:x.rent: unknown section 'shop'",
     RS_EDATA},
    {"missing required", VALID "shops:x,count,3\nshops:x,rent,3\n",
     "t.csv:6: shops:x.area_m2: missing required key", RS_EDATA},
    {"a template that is not switched off",
     VALID "shops:t,rent,3\nshops:t,occupancy_target,0.9\nshops:a,like,shops:t\nshops:a,count,3\n"
           "shops:a,area_m2,20\n",
     "t.csv:6: shops:t.count: missing required key (shops:t is copied with `like`; a template "
     "meant only to be copied is switched off with `shops:t,enabled,0`)", RS_EDATA},
    {"a misspelt section starts an incomplete one",
     VALID "shops:east-street,count,3\nshops:east-street,rent,3\nshops:east-street,area_m2,20\n"
           "shops:east-street,occupancy_target,0.9\nshops:east-stret,rent,4\n",
     "t.csv:10: shops:east-stret.count: missing required key; a new section here, or a misspelt "
     "name (did you mean 'east-street'?)", RS_EDATA},
    {"above maximum", VALID "community:a,collection_target,1.5\n",
     "t.csv:6: community:a.collection_target: value 1.5 is above the maximum 1", RS_EDATA},
    {"below minimum", VALID "community:a,fee_growth,-0.9\n",
     "t.csv:6: community:a.fee_growth: value -0.9 is below the minimum -0.5", RS_EDATA},
    /* found by make fuzz: quoted newlines and escapes made the message two
     * lines, with the escape raw (tests/fuzz/seeds/scenario/crash-newline-in-name.csv) */
    {"name with a newline and an escape", VALID "\"other:x\ny\033[31m\",income,5\n",
     "other:x y [31m.income: bad name 'x y [31m'", RS_EDATA},
    {"not a number", VALID "community:a,ramp_months,abc\n",
     "t.csv:6: community:a.ramp_months: value 'abc' is not a number", RS_EDATA},
    {"NaN", VALID "community:a,fee_growth,nan\n",
     "t.csv:6: community:a.fee_growth: value 'nan' is not a number", RS_EDATA},
    {"inf", VALID "community:a,cost_growth,-inf\n",
     "t.csv:6: community:a.cost_growth: value '-inf' is not a number", RS_EDATA},
    {"huge", VALID "community:a,cost_growth,1e999\n",
     "t.csv:6: community:a.cost_growth: value '1e999' is not a number", RS_EDATA},
    {"thousands separator", VALID "community:a,cost_growth,\"1,000\"\n",
     "t.csv:6: community:a.cost_growth: value '1,000' is not a number (write it without "
     "thousands separators)", RS_EDATA},
    {"not whole", VALID "community:a,ramp_months,2.5\n",
     "t.csv:6: community:a.ramp_months: value '2.5' must be a whole number", RS_EDATA},
    {"empty value", VALID "community:a,ramp_months,\n",
     "t.csv:6: community:a.ramp_months: value '' is not a number", RS_EDATA},
    {"duplicate row", VALID "community:a,area_m2,5\n",
     "t.csv:6: community:a.area_m2: duplicate row (first at row 2)", RS_EDATA},
    {"no such community", VALID "other:x,income,5\nother:x,community,b\n",
     "t.csv:7: other:x.community: names no community 'b' (did you mean 'a'?)", RS_EDATA},
    {"lever needs community", VALID "community:b,area_m2,1\ncommunity:b,fee_rate,1\n"
     "community:b,collection_start,1\ncommunity:b,cost_annual,1\nother:x,income,5\n",
     "t.csv:10: other:x.community: missing", RS_EDATA},
    {"no community", HEAD "other:x,income,5\n", "no community:NAME section", RS_EDATA},
    {"lever name clash", VALID "other:x,income,5\nparking:x,spaces,1\n",
     "t.csv:7: parking:x.spaces: lever name 'x' is already used by 'other:x' (row 6)", RS_EDATA},
    {"bad name", VALID "other:a b,income,5\n", "t.csv:6: other:a b.income: bad name 'a b'",
     RS_EDATA},
    {"unnamed", VALID "other,income,5\n", "t.csv:6: other.income: section needs a name",
     RS_EDATA},
    {"bad choice", VALID "community:a,ramp_shape,cubic\n",
     "t.csv:6: community:a.ramp_shape: 'cubic' is not one of linear|logistic", RS_EDATA},
    {"low above value", VALID "community:a,fee_growth,0.1,0.2,0.3\n",
     "t.csv:6: community:a.fee_growth: need low <= value <= high", RS_EDATA},
    {"only low", VALID "community:a,fee_growth,0.1,0.05,\n",
     "t.csv:6: community:a.fee_growth: give both low and high", RS_EDATA},
    {"spilled thousands", VALID "community:a,cost_growth,1,000\n",
     "t.csv:6: community:a.cost_growth: give both low and high, or neither (is the value a "
     "number written with a thousands separator? write 1000, not 1,000)", RS_EDATA},
    {"bad dist", VALID "community:a,fee_growth,0.1,0,0.2,beta\n",
     "t.csv:6: community:a.fee_growth: dist 'beta' is not one of", RS_EDATA},
    {"dist alone", VALID "community:a,fee_growth,0.1,,,normal\n",
     "t.csv:6: community:a.fee_growth: dist 'normal' needs low and high", RS_EDATA},
    {"range on fixed", VALID "scenario,horizon_years,10,5,15\n",
     "t.csv:6: scenario.horizon_years: this key cannot carry low/high", RS_EDATA},
    {"lognormal low", VALID "community:a,fee_growth,0.1,0,0.2,lognormal\n",
     "t.csv:6: community:a.fee_growth: lognormal needs low > 0", RS_EDATA},
    {"charger price", VALID "chargers:c,ports,2\nchargers:c,sessions_target,3\n",
     "t.csv:6: chargers:c.price_per_kwh: price_per_session or price_per_kwh must be > 0",
     RS_EDATA},
    {"missing column", "section,key\ncommunity:a,area_m2\n",
     "t.csv:1: header: missing column 'value'", RS_EDATA},
    {"malformed", VALID "community:a,households,\"12\n",
     "t.csv:6: malformed CSV", RS_EDATA},
    {"not text", VALID "community:a,households,\xff\xfe\xff\n", "neither UTF-8 nor GBK", RS_EDATA},
    {"no key", VALID "community:a,,5\n", "t.csv:6: community:a: row has no key", RS_EDATA},
    {"template cycle", VALID "other:a,like,other:b\nother:b,like,other:a\nother:a,income,1\n",
     "t.csv:6: other:a.like: templates copy each other in a cycle: other:a -> other:b -> other:a",
     RS_EDATA},
    {"template of another kind", VALID "other:a,income,1\nshops:b,like,other:a\n",
     "t.csv:7: shops:b.like: 'other:a' is a section of another kind", RS_EDATA},
    {"no template", VALID "other:a,like,other:nope\n",
     "t.csv:6: other:a.like: no section 'other:nope' to copy", RS_EDATA},
    {"unscheduled key", VALID "other:a,income,1\nother:a,capex@3,5\n",
     "t.csv:7: other:a.capex@3: 'capex' cannot be scheduled by year", RS_EDATA},
    {"schedule year 1", VALID "other:a,income,1\nother:a,income@1,5\n",
     "t.csv:7: other:a.income@1: '1' is not a year of a schedule", RS_EDATA},
    {"schedule year twice", VALID "other:a,income,1\nother:a,income@3,5\nother:a,income@3.0,6\n",
     "t.csv:8: other:a.income@3.0: year 3 of 'income' is also set by", RS_EDATA},
    {"a fraction written as a whole number", VALID "other:a,income,1\nother:a,share_out,30\n",
     "t.csv:7: other:a.share_out: value 30 is above the maximum 1 fraction (did you mean 30%?)",
     RS_EDATA},
    {"a rate a year written as a whole number", VALID "other:a,income,1\nscenario,discount_rate,8\n",
     "t.csv:7: scenario.discount_rate: value 8 is above the maximum 1 1/year (did you mean 8%?)",
     RS_EDATA},
    {"ten thousands", VALID "other:a,income,125万\n",
     "t.csv:6: other:a.income: value '125万' is not a number (write the plain amount in CNY",
     RS_EDATA},
    {"missing base", VALID "scenario,base,nowhere.csv\n",
     "t.csv:6: scenario.base: cannot open '", RS_ENOINPUT},
};

static void test_bad_inputs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rs_scenario s;
        rs_error err = {0};
        int rc = load(bad[i].text, &s, &err);
        rs_scenario_release(&s);
        if (rc != bad[i].code || !strstr(err.msg, bad[i].want)) {
            print_error("%s: code %d, message '%s'\n  want code %d and '%s'\n", bad[i].what,
                        rc, err.msg, bad[i].code, bad[i].want);
            fail();
        }
        assert_null(strchr(err.msg, '\n'));   /* one line */
    }
}

static void test_field_too_long(void **state)
{
    (void)state;
    static char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, VALID "scenario,name,");
    memset(text + n, 'x', RS_FIELD_MAX + 10);
    strcpy(text + n + RS_FIELD_MAX + 10, "\n");
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(load(text, &s, &err), RS_EDATA);
    rs_scenario_release(&s);
    assert_non_null(strstr(err.msg, "t.csv:6: field longer than 4096 bytes"));
}

static void test_missing_file(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(rs_test_load_file(&s, "/nonexistent/x.csv", &err), RS_ENOINPUT);
    assert_non_null(strstr(err.msg, "/nonexistent/x.csv: cannot open"));
    rs_scenario_release(&s);
}

static void test_base_cycle(void **state)
{
    (void)state;
    rs_test_file(dir, "a.csv", VALID "scenario,base,b.csv\n");
    const char *b = rs_test_file(dir, "b.csv", HEAD "scenario,base,a.csv\n");
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(rs_test_load_file(&s, b, &err), RS_EDATA);
    assert_non_null(strstr(err.msg, "a.csv:6: scenario.base: base cycle:"));
    rs_scenario_release(&s);
}

static void test_good_file(void **state)
{
    (void)state;
    /* BOM, columns in another order, an extra column, comments, blank rows,
     * percent values, quoted fields, CRLF line ends */
    const char *text = "\xEF\xBB\xBF" "note,value,key,section,extra\r\n"
                       "\r\n"
                       "# comment row,,,#,\r\n"
                       "x,52000,area_m2,community:a,\r\n"
                       ",1.2,fee_rate,community:a,\r\n"
                       ",60%,collection_start,community:a,\r\n"
                       "\"a, quoted note\",\"300000\",cost_annual,community:a,\r\n"
                       ",,,,\r\n"
                       ",永丰里,name,scenario,\r\n"
                       ",3.5%,discount_rate,scenario,\r\n";
    rs_scenario s;
    rs_error err = {0};
    int rc = load(text, &s, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_int_equal(s.ncom, 1);
    assert_rel(s.com[0].v[CM_AREA], 52000, 0);
    assert_rel(s.com[0].v[CM_COLL_START], 0.6, 1e-15);
    assert_rel(s.com[0].v[CM_COLL_TARGET], 0.6, 1e-15);   /* default = start */
    assert_rel(s.com[0].v[CM_COST], 300000, 0);
    assert_rel(s.scen.v[SC_DISCOUNT], 0.035, 1e-15);
    assert_rel(s.scen.v[SC_HORIZON], 10, 0);
    assert_string_equal(s.scen.text[SC_NAME], "永丰里");
    assert_string_equal(s.scen.text[SC_CURRENCY], "CNY");
    assert_int_equal(s.com[0].line, 4);
    rs_scenario_release(&s);
}

static void test_gbk(void **state)
{
    (void)state;
    /* 永丰里 in GBK: D3C0 B7E1 C0EF */
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(load(VALID "scenario,name,\xD3\xC0\xB7\xE1\xC0\xEF\n", &s, &err), RS_OK);
    assert_string_equal(s.scen.text[SC_NAME], "永丰里");
    rs_scenario_release(&s);
}

static void test_forgiving_forms(void **state)
{
    (void)state;
    /* header names and dist in any case, full-width ％, a Chinese lever name */
    rs_scenario s;
    rs_error err = {0};
    int rc = load("Section,KEY,Value,Low,High,Dist\n"
                  "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
                  "community:a,collection_start,50\xEF\xBC\x85\ncommunity:a,cost_annual,20000\n"
                  "other:\xE4\xB8\x9C\xE8\xA1\x97,income,100,50,150,PERT\n", &s, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_rel(s.com[0].v[CM_COLL_START], 0.5, 1e-15);
    assert_string_equal(s.lev[0].name, "东街");
    assert_int_equal(s.ranges[0].dist, RS_DIST_PERT);
    rs_scenario_release(&s);
}

static void test_base_override(void **state)
{
    (void)state;
    rs_test_file(dir, "base.csv", VALID "other:x,income,100,50,150\nother:y,income,7\n"
                                        "scenario,name,Base\n");
    const char *v = rs_test_file(dir, "variant.csv",
                                 "section,key,value\nscenario,base,base.csv\n"
                                 "other:x,income,200\nother:y,enabled,0\n"
                                 "parking:p,spaces,3\nparking:p,fee,10\n"
                                 "parking:p,community,community:a\n");
    rs_scenario s;
    rs_error err = {0};
    int rc = rs_test_load_file(&s, v, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_int_equal(s.nlev, 2);                  /* y disabled */
    assert_string_equal(s.lev[0].name, "x");
    assert_rel(s.lev[0].v[OT_INCOME], 200, 0);    /* overridden */
    assert_string_equal(s.lev[1].name, "p");
    assert_int_equal(s.lev[1].community, 0);
    assert_string_equal(s.scen.text[SC_NAME], "Base");
    assert_int_equal(s.nranges, 0);               /* the override has no range */
    rs_scenario_release(&s);
}

/* a variant that switches off a lever drops the correlations of its
 * parameters with it (else no status-quo variant of a correlated scenario) */
static void test_correlation_of_switched_off_lever(void **state)
{
    (void)state;
    rs_test_file(dir, "cbase.csv", VALID "other:x,income,100,50,150\n"
                                        "community:a,cost_growth,0.02,0,0.04\n"
                                        "correlation,other:x.income|community:a.cost_growth,0.5\n");
    const char *v = rs_test_file(dir, "cvar.csv", "section,key,value\nscenario,base,cbase.csv\n"
                                                  "other:x,enabled,0\n");
    rs_scenario s;
    rs_source src;
    rs_error err = {0};
    rs_scenario_init(&s);
    rs_source_init(&src);
    int rc = rs_scenario_load(&s, &src, v, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_int_equal(s.nlev, 0);
    assert_int_equal(s.ncorr, 0);
    assert_int_equal(s.nranges, 1);
    rs_scenario_release(&s);
    rs_source_release(&src);
}

/* Issue 9, item 7: subnormal numbers are numbers (they got "is not a
 * number"), read as 0; the smallest normal one and 1e-300 are kept. */
static void test_subnormal(void **state)
{
    (void)state;
    static const struct { const char *text; double want; } num[] = {
        {"4.9e-324", 0.0}, {"-4.9e-324", 0.0}, {"2e-310", 0.0}, {"1e-306%", 0.0},
        {"2.2250738585072014e-308", 2.2250738585072014e-308}, {"1e-300", 1e-300},
        {"1e-400", 0.0},   /* below every double: strtod's 0 */
    };
    for (size_t i = 0; i < sizeof num / sizeof num[0]; i++) {
        double v = -1;
        assert_int_equal(rs_parse_number(num[i].text, &v), 0);
        assert_true(v == num[i].want && !signbit(v));
    }
    /* in every place a number goes: a value, low and high */
    rs_scenario s;
    rs_error err = {0};
    int rc = load(VALID "other:x,income,4.9e-324,0,4.9e-324\n"
                        "community:a,fee_growth,4.9e-324\n", &s, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_true(s.lev[0].v[OT_INCOME] == 0.0 && s.com[0].v[CM_FEE_GROWTH] == 0.0);
    rs_scenario_release(&s);
}

/* Found by make fuzz (tests/fuzz/seeds/scenario/crash-qsort-null-steps.csv):
 * a scenario with no KEY@Y step and no range called qsort(NULL, 0, ...),
 * undefined behaviour that UBSan stops (make test-asan). */
static void test_no_steps_no_ranges(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(load(VALID "other:x,income,100\n", &s, &err), RS_OK);
    assert_int_equal(s.nstep, 0);
    assert_int_equal(s.nranges, 0);
    rs_scenario_release(&s);
}

static void test_ranges(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(load(VALID "other:x,income,100,50,150\n"
                                "community:a,fee_growth,0.02,0,0.04,pert\n", &s, &err), RS_OK);
    assert_int_equal(s.nranges, 2);
    assert_ptr_equal(s.ranges[0].e, &s.lev[0]);   /* rows in file order */
    assert_int_equal(s.ranges[0].param, OT_INCOME);
    assert_int_equal(s.ranges[0].dist, RS_DIST_TRIANGULAR);
    assert_rel(s.ranges[0].low, 50, 0);
    assert_rel(s.ranges[0].value, 100, 0);
    assert_ptr_equal(s.ranges[1].e, &s.com[0]);
    assert_int_equal(s.ranges[1].param, CM_FEE_GROWTH);
    assert_rel(s.ranges[1].high, 0.04, 0);
    assert_int_equal(s.ranges[1].dist, RS_DIST_PERT);
    rs_scenario_release(&s);
}

/* Templates: a copy takes every row of its template but `enabled` and
 * `like`, its own rows replace the copied ones row by row (`rent` and
 * `rent@3` are different rows), a template with enabled,0 is not simulated,
 * and an incomplete disabled template is accepted. */
static void test_templates(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    int rc = load(VALID "shops:tpl,enabled,0\nshops:tpl,count,4\nshops:tpl,area_m2,20\n"
                        "shops:tpl,rent,30,25,35\nshops:tpl,rent@3,40\n"
                        "shops:tpl,occupancy_target,0.9\n"
                        "shops:a,like,shops:tpl\n"
                        "shops:b,like,tpl\nshops:b,rent,50\n"
                        "shops:c,like,shops:b\nshops:c,count,2\n"
                        "chargers:half,enabled,0\nchargers:half,price_per_kwh,1\n",
                  &s, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_int_equal(s.nlev, 3);
    assert_string_equal(s.lev[0].name, "a");
    assert_rel(s.lev[0].v[SH_COUNT], 4, 0);
    assert_rel(s.lev[0].v[SH_RENT], 30, 0);
    assert_int_equal(s.lev[0].nsteps, 1);          /* rent@3 copied */
    assert_rel(s.lev[0].steps[0].value, 40, 0);
    assert_rel(s.lev[0].v[LV_ENABLED], 1, 0);      /* enabled is never copied */
    assert_rel(s.lev[1].v[SH_RENT], 50, 0);        /* its own rent ... */
    assert_int_equal(s.lev[1].nsteps, 1);          /* ... keeps the template's rent@3 */
    assert_rel(s.lev[2].v[SH_RENT], 50, 0);        /* c copies b, which copies tpl */
    assert_rel(s.lev[2].v[SH_COUNT], 2, 0);
    /* the ranged rent: a's inherited range (tpl's stream); b and c set their own rent */
    assert_int_equal(s.nranges, 1);
    assert_string_equal(s.ranges[0].label, "shops:tpl.rent");
    assert_ptr_equal(s.ranges[0].e, &s.lev[0]);
    rs_scenario_release(&s);
}

/* Tables: one section a row; KEY.low/.high/.note columns; the including
 * file's own rows replace included rows wherever they stand; two tables may
 * not set the same key; errors name the table, its row and the key. */
static void test_tables(void **state)
{
    (void)state;
    rs_test_file(dir, "com.csv", "section,area_m2,fee_rate,collection_start,cost_annual,"
                                 "cost_annual.low,cost_annual.high,cost_annual.note\n"
                                 "community:a,1000,1,0.5,20000,15000,25000,from the audit\n"
                                 "community:b,2000,1.2,0.6,30000,,,\n");
    rs_test_file(dir, "lev.csv", "section,community,income,like\n"
                                 "other:x,a,100,\nother:y,b,200,\nother:z,b,,other:y\n");
    rs_scenario s;
    rs_error err = {0};
    int rc = load("section,key,value\nscenario,include,com.csv\nscenario,include,lev.csv\n"
                  "other:y,income,250\n", &s, &err);
    if (rc)
        print_error("%s\n", err.msg);
    assert_int_equal(rc, RS_OK);
    assert_int_equal(s.ncom, 2);
    assert_int_equal(s.nlev, 3);
    assert_rel(s.com[1].v[CM_COST], 30000, 0);
    assert_int_equal(s.nranges, 1);
    assert_rel(s.ranges[0].low, 15000, 0);
    assert_rel(s.lev[1].v[OT_INCOME], 250, 0);    /* the including file's row wins */
    assert_rel(s.lev[2].v[OT_INCOME], 250, 0);    /* and the copy copies the result */
    assert_int_equal(s.lev[2].community, 1);
    rs_scenario_release(&s);
    /* an error inside an included table */
    rs_test_file(dir, "bad.csv", "section,income\nother:x,lots\n");
    memset(&err, 0, sizeof err);
    rc = load(VALID "scenario,include,bad.csv\n", &s, &err);
    assert_int_equal(rc, RS_EDATA);
    assert_non_null(strstr(err.msg, "bad.csv:2: other:x.income: value 'lots' is not a number"));
    rs_scenario_release(&s);
    /* two tables setting the same key */
    rs_test_file(dir, "dup.csv", "section,income\nother:x,5\n");
    rs_test_file(dir, "dup2.csv", "section,income\nother:x,6\n");
    memset(&err, 0, sizeof err);
    rc = load(VALID "scenario,include,dup.csv\nscenario,include,dup2.csv\n", &s, &err);
    assert_int_equal(rc, RS_EDATA);
    assert_non_null(strstr(err.msg, "dup2.csv:2: other:x.income: also given by the included table"));
    rs_scenario_release(&s);
    /* a scenario file included as a table */
    rs_test_file(dir, "scen.csv", "section,key,value\nother:x,income,5\n");
    memset(&err, 0, sizeof err);
    rc = load(VALID "scenario,include,scen.csv\n", &s, &err);
    assert_int_equal(rc, RS_EDATA);
    assert_non_null(strstr(err.msg, "scen.csv:1: header: this is a scenario file (section,key,value), "
                                    "not a table;"));
    rs_scenario_release(&s);
    /* a table that names a base */
    rs_test_file(dir, "base.csv", "section,base\nscenario,x.csv\n");
    memset(&err, 0, sizeof err);
    rc = load(VALID "scenario,include,base.csv\n", &s, &err);
    assert_int_equal(rc, RS_EDATA);
    assert_non_null(strstr(err.msg, "base.csv:2: scenario.base: a table holds no base or include"));
    rs_scenario_release(&s);
}

int main(void)
{
    dir = rs_test_dir();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_templates),   cmocka_unit_test(test_tables),
        cmocka_unit_test(test_bad_inputs),  cmocka_unit_test(test_field_too_long),
        cmocka_unit_test(test_missing_file), cmocka_unit_test(test_base_cycle),
        cmocka_unit_test(test_good_file),   cmocka_unit_test(test_gbk),
        cmocka_unit_test(test_forgiving_forms),
        cmocka_unit_test(test_correlation_of_switched_off_lever),
        cmocka_unit_test(test_base_override), cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_subnormal), cmocka_unit_test(test_no_steps_no_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
