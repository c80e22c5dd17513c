#!/usr/bin/env python3
"""Hand-computed checks of revsim_ref.py.  Run: python3 selftest.py

Each expected number below was worked out by hand from MODEL.md and
docs/model-notes.md (the arithmetic is in the comments), not by running the
reference.
"""

import csv
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import revsim_ref as R  # noqa: E402

PASSED = 0
FAILED = 0


def check(name, cond):
    global PASSED, FAILED
    if cond:
        PASSED += 1
    else:
        FAILED += 1
        print("FAIL:", name)


def close(a, b, tol=1e-9):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def write(dirname, fname, text):
    p = os.path.join(dirname, fname)
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return p


def run_text(text, files=None):
    """Write a scenario (plus optional extra files) to a temp dir, run the
    reference, return (summary dict, annual rows, monthly rows, communities rows)."""
    d = tempfile.mkdtemp(prefix="revsim_ref_selftest_")
    for fname, t in (files or {}).items():
        write(d, fname, t)
    p = write(d, "scen.csv", text)
    out = os.path.join(d, "out")
    R.run(p, out)

    def rows(fname):
        with open(os.path.join(out, fname), encoding="utf-8") as f:
            return list(csv.DictReader(f))

    def num(x):
        return None if x == "" else float(x)

    summ = {r["metric"]: num(r["base"]) for r in rows("summary.csv")}
    conv = lambda rs: [{k: (v if k == "community" else num(v)) for k, v in r.items()} for r in rs]
    return summ, conv(rows("annual.csv")), conv(rows("monthly.csv")), conv(rows("communities.csv"))


# ---------------------------------------------------------------------------
# Ramps
# ---------------------------------------------------------------------------
def test_ramps():
    # p(m): s = 3, ramp 4 -> m=2: 0, m=3: 1/4, m=6: 1, m=9: 1
    check("p before s", R.ramp_progress(2, 3, 4) == 0.0)
    check("p at s", R.ramp_progress(3, 3, 4) == 0.25)
    check("p end", R.ramp_progress(6, 3, 4) == 1.0 and R.ramp_progress(9, 3, 4) == 1.0)
    check("p ramp 0", R.ramp_progress(3, 3, 0) == 1.0 and R.ramp_progress(2, 3, 0) == 0.0)
    # logistic L(0)=0, L(1)=1, L(1/2)=1/2 by symmetry
    check("L(0)", close(R.ramp_shape(0.0, "logistic"), 0.0, 1e-15))
    check("L(1)", close(R.ramp_shape(1.0, "logistic"), 1.0))
    check("L(.5)", close(R.ramp_shape(0.5, "logistic"), 0.5))
    # L(1/4) = (s(-2.5) - s(-5)) / (s(5) - s(-5))
    #   s(-2.5) = 1/(1+e^2.5) = 0.07585818002, s(-5) = 0.00669285092, s(5) = 0.99330714908
    #   -> (0.07585818002 - 0.00669285092) / 0.98661429816 = 0.0701039...
    check("L(.25)", close(R.ramp_shape(0.25, "logistic"), 0.06916532910 / 0.98661429816, 1e-9))
    check("linear", R.ramp_shape(0.3, "linear") == 0.3)
    # growth by model year: month 30 is year 3 -> (1.1)^2
    check("growth m30", close(R.growth_factor(0.1, 30), 1.21))
    check("year_of", R.year_of(12) == 1 and R.year_of(13) == 2)


# ---------------------------------------------------------------------------
# Scenario A: 1 year, one community, one 'other' lever with a linear ramp
# ---------------------------------------------------------------------------
SCEN_A = """section,key,value
scenario,horizon_years,1
scenario,discount_rate,0
community:a,area_m2,1000
community:a,fee_rate,1
community:a,collection_start,50%
community:a,cost_annual,12000
other:venue,income,1200
other:venue,ramp_months,4
other:venue,ramp_shape,linear
other:venue,capex,3000
other:venue,opex_fixed,100
fund,initial,1000
"""


def test_scenario_a():
    s, ann, mon, com = run_text(SCEN_A)
    # fee(m) = 1000*1*0.5 = 500, cost(m) = 1000, gap = 500 -> deficit 6000/yr
    # gross: 300, 600, 900, 1200 x 9 -> 12600; net = gross - 100 -> 11400
    check("A monthly gross", [r["revenue"] for r in mon[:5]] == [300, 600, 900, 1200, 1200])
    check("A revenue", close(ann[0]["revenue"], 12600))
    check("A lever column", close(ann[0]["revenue:venue"], 12600))
    check("A net", close(ann[0]["net_income"], 11400))
    check("A fee/cost", close(ann[0]["fee_income"], 6000) and close(ann[0]["mgmt_cost"], 12000))
    check("A deficit", close(ann[0]["deficit"], 6000))
    check("A coverage", close(ann[0]["coverage"], 1.9))
    check("A monthly coverage m1", close(mon[0]["coverage"], 200 / 500))
    check("A surplus", close(ann[0]["surplus"], 5400))
    # fund_end = 1000 + 5400 - 3000
    check("A fund_end", close(ann[0]["fund_end"], 3400) and close(s["fund_end"], 3400))
    check("A deficit_before", close(s["deficit_before"], 6000))
    check("A capex_total", close(s["capex_total"], 3000))
    check("A npv r=0", close(s["npv"], 8400))
    # cf: -2800, 500, 800, 1100, 1100 ... C: -2800, -2300, -1500, -400, 700
    # payback at m=5: t = 4 + 400/1100 months
    check("A payback", close(s["payback_years"], (4 + 400 / 1100) / 12))
    check("A disc payback r=0", close(s["discounted_payback_years"], (4 + 400 / 1100) / 12))
    # fund(1) = 1000 + (200-500) - 3000 = -2300; fund(2) = -2300 + (500-500) = -2300
    check("A fund_min", close(s["fund_min"], -2300) and s["fund_min_month"] == 1)
    check("A p_fund", s["p_fund_never_negative"] == 0)
    # completion: lever 1-1+4 = 4 > month 1 -> no year qualifies -> last year (1)
    check("A stabilized", s["stabilized_year"] == 1)
    check("A first covered", s["first_covered_year"] == 1 and s["p_covered_stabilized"] == 1)
    check("A coverage_year1", close(s["coverage_year1"], 1.9))
    check("A communities", com[0]["community"] == "a" and close(com[0]["net_income"], 11400)
          and close(com[0]["coverage"], 1.9))
    # IRR: npv(irr) = 0, and irr > 0 since npv(0) = 8400 > 0 and cf starts negative
    cf = [0.0, -2800, 500, 800] + [1100.0] * 9
    x = s["irr"]
    check("A irr root", x is not None and x > 0 and abs(R.npv(cf, x)) < 1e-6)


# ---------------------------------------------------------------------------
# Scenario B: 2 years, shops with rent-free months, master rent, growth,
# share_out, start_month 3; a collection ramp; a grant
# ---------------------------------------------------------------------------
SCEN_B = """\ufeffnote,key,value,section,low,high
,horizon_years,2,scenario,,
,discount_rate,0,scenario,,
# comment rows are skipped,,,#x,,
,,,,,
,area_m2,1000,community:b,,
,fee_rate,2,community:b,1,3
,fee_growth,5%,community:b,,
,collection_start,0.4,community:b,,
,collection_target,0.8,community:b,,
,ramp_months,3,community:b,,
,ramp_shape,linear,community:b,,
,cost_annual,30000,community:b,,
,cost_growth,0.1,community:b,,
,count,2,shops:s1,,
,area_m2,50,shops:s1,,
,rent,40,shops:s1,30,50
,rent_uplift,50%,shops:s1,,
,rent_growth,0.1,shops:s1,,
,occupancy_start,0,shops:s1,,
,occupancy_target,1,shops:s1,,
,ramp_months,2,shops:s1,,
,ramp_shape,linear,shops:s1,,
,rent_free_months,1,shops:s1,,
,start_month,3,shops:s1,,
,master_rent,10,shops:s1,,
,master_growth,0.1,shops:s1,,
,opex_rate,0.1,shops:s1,,
,opex_fixed,50,shops:s1,,
,fitout_capex,1000,shops:s1,,
,share_out,0.2,shops:s1,,
,amount,5000,grant:city,,
,month,2,grant:city,,
"""


def test_scenario_b():
    s, ann, mon, com = run_text(SCEN_B)
    # occupancy (s=3, ramp 2, linear): occ(3) = .5, occ(4) = 1
    # paying occ: m3: 3-1 < s -> 0; m4: occ(3) = .5; m5+: 1
    # gross = 2*50*payocc*40*1.5*growth = 6000*payocc*growth
    rev = [r["revenue"] for r in mon]
    check("B gross m1-5", close(rev[0], 0) and close(rev[2], 0) and close(rev[3], 3000) and close(rev[4], 6000))
    check("B gross y2", close(rev[12], 6600) and close(rev[23], 6600))
    check("B revenue y1", close(ann[0]["revenue"], 3000 + 8 * 6000))
    check("B revenue y2", close(ann[1]["revenue"], 12 * 6600))
    # net = 0.8 gross - (0.1 gross + 50) - master; master 1000 (y1), 1100 (y2)
    # m3: -1050; m4: 2100-1050 = 1050; m5..12: 4200-1050 = 3150; y2: 4620-1150 = 3470
    net = [r["net_income"] for r in mon]
    check("B net m1-5", close(net[0], 0) and close(net[2], -1050) and close(net[3], 1050) and close(net[4], 3150))
    check("B net y1", close(ann[0]["net_income"], 25200))
    check("B net y2", close(ann[1]["net_income"], 41640))
    check("B capex", close(mon[2]["capex"], 2000) and close(ann[0]["capex"], 2000) and close(s["capex_total"], 2000))
    # collection (linear, 3 months from .4 to .8): m1 .5333, m2 .6667, m3+ .8
    # fee = 2000*collection*(1.05)^(y-1): 1066.67, 1333.33, 1600 x10 -> 18400; y2 1680 x12 = 20160
    check("B fee y1", close(ann[0]["fee_income"], 18400))
    check("B fee y2", close(ann[1]["fee_income"], 20160))
    check("B cost", close(ann[0]["mgmt_cost"], 30000) and close(ann[1]["mgmt_cost"], 33000))
    check("B deficit", close(ann[0]["deficit"], 11600) and close(ann[1]["deficit"], 12840))
    check("B coverage", close(ann[0]["coverage"], 25200 / 11600) and close(ann[1]["coverage"], 41640 / 12840))
    # deficit_before = 12*(2500 - 2000*0.4) = 20400
    check("B deficit_before", close(s["deficit_before"], 20400))
    # completion: shops 3-1+2+1 = 5, community 3 -> year 2 (first month 13 >= 5)
    check("B stabilized", s["stabilized_year"] == 2)
    check("B revenue_stabilized", close(s["revenue_stabilized"], 79200))
    check("B net_stabilized", close(s["net_income_stabilized"], 41640))
    check("B coverage_stabilized", close(s["coverage_stabilized"], 41640 / 12840))
    check("B revenue_year1", close(s["revenue_year1"], 51000))
    check("B deficit_year1", close(s["deficit_year1"], 11600))
    # cf: 0, 0, -3050, 1050, 3150 -> C: 0,0,-3050,-2000,1150 -> t = 4 + 2000/3150
    check("B payback", close(s["payback_years"], (4 + 2000 / 3150) / 12))
    # fund: f1 = -1433.33, f2 = -1433.33-1166.67+5000 = 2400, f3 = 2400-1050-900-2000 = -1550
    check("B fund m2", close(mon[1]["fund_end"], 2400))
    check("B fund_min", close(s["fund_min"], -1550) and s["fund_min_month"] == 3)
    # fund_end = 0 + (25200+41640) - (11600+12840) - 2000 + 5000 = 45400
    check("B fund_end", close(s["fund_end"], 45400))
    check("B npv r=0", close(s["npv"], 25200 + 41640 - 2000))
    check("B first covered", s["first_covered_year"] == 1)


# ---------------------------------------------------------------------------
# Scenario C: chargers with renewal (life 0.5 y -> every 6 months), parking
# starting in month 7 with share_out; community with no deficit
# ---------------------------------------------------------------------------
SCEN_C = """section,key,value,unit
scenario,horizon_years,1,
scenario,discount_rate,0,
community:c,area_m2,100,
community:c,fee_rate,1,
community:c,collection_start,1,
community:c,cost_annual,1200,
chargers:ch,kind,ebike,
chargers:ch,ports,10,
chargers:ch,sessions_target,2,
chargers:ch,kwh_per_session,1,
chargers:ch,price_per_session,1,
chargers:ch,price_per_kwh,0.5,
chargers:ch,electricity_cost,0.6,
chargers:ch,capex_per_port,100,
chargers:ch,life_years,0.5,
chargers:ch,opex_per_port,2,
parking:pk,kind,car,
parking:pk,spaces,100,
parking:pk,fee,100,
parking:pk,utilization_start,0.5,
parking:pk,utilization_target,1,
parking:pk,ramp_months,1,
parking:pk,start_month,7,
parking:pk,capex_per_space,10,
parking:pk,opex_per_space,1,
parking:pk,opex_rate,10%,
parking:pk,share_out,0.5,
"""


def test_scenario_c():
    s, ann, mon, com = run_text(SCEN_C)
    # sessions = 10*2*365/12 = 608.333; gross = 608.333*1.5 = 912.5
    # energy = 608.333*0.6 = 365; opex = 20; net = 527.5
    check("C charger gross", close(mon[0]["revenue:ch"], 912.5))
    check("C charger net m1", close(mon[0]["net_income"], 527.5))
    # renewal: capex 1000 in months 1 and 7; parking capex 1000 in month 7
    check("C capex months", close(mon[0]["capex"], 1000) and close(mon[6]["capex"], 2000)
          and close(mon[5]["capex"], 0) and close(mon[11]["capex"], 0))
    # parking from m7: ramp 1 -> utilization 1 at s: gross 10000
    # net = 10000*0.5 - (0.1*10000 + 100) = 3900
    check("C parking gross", close(mon[5]["revenue:pk"], 0) and close(mon[6]["revenue:pk"], 10000))
    check("C net m7", close(mon[6]["net_income"], 527.5 + 3900))
    check("C revenue", close(ann[0]["revenue"], 912.5 * 12 + 60000))
    check("C net", close(ann[0]["net_income"], 527.5 * 12 + 3900 * 6))
    # fee = 100 = cost -> deficit 0 -> coverage empty; year counts as covered
    check("C coverage empty", ann[0]["coverage"] is None and s["coverage_year1"] is None)
    check("C first covered", s["first_covered_year"] == 1 and s["p_covered_stabilized"] == 1)
    # cf m1 = 527.5 - 1000 = -472.5; m2 +527.5 -> t = 1 + 472.5/527.5
    check("C payback", close(s["payback_years"], (1 + 472.5 / 527.5) / 12))
    # completion: chargers 1, parking 7 -> last year
    check("C stabilized", s["stabilized_year"] == 1)
    check("C capex_total", close(s["capex_total"], 3000))


# ---------------------------------------------------------------------------
# Scenario D: base file + variant (override, disabled lever, new lever)
# ---------------------------------------------------------------------------
BASE_D = """section,key,value
scenario,horizon_years,1
scenario,discount_rate,0
community:d,area_m2,1000
community:d,fee_rate,1
community:d,collection_start,1
community:d,cost_annual,24000
other:ads,income,1000
other:hall,income,500
"""

VARIANT_D = """section,key,value
other:hall,enabled,0
scenario,base,base.csv
other:ads,income,2000
other:kiosk,income,300
other:kiosk,community,d
"""


def test_variant_d():
    s, ann, mon, com = run_text(VARIANT_D, {"base.csv": BASE_D})
    cols = list(ann[0].keys())
    check("D lever columns", [c for c in cols if c.startswith("revenue:")] == ["revenue:ads", "revenue:kiosk"])
    check("D override", close(ann[0]["revenue:ads"], 24000))
    check("D revenue", close(ann[0]["revenue"], 24000 + 3600))
    # deficit 12*(2000-1000) = 12000; coverage 27600/12000 = 2.3
    check("D coverage", close(ann[0]["coverage"], 2.3))
    # no capex, cf > 0 throughout -> payback 0; irr empty (no sign change)
    check("D payback 0", s["payback_years"] == 0 and s["irr"] is None)


# ---------------------------------------------------------------------------
# Headline metric functions on hand-made cash flows
# ---------------------------------------------------------------------------
def test_metrics():
    # one root: -100 at m1, +110 at m12: (1+x)^(11/12) = 1.1 -> x = 1.1^(12/11) - 1
    cf = [0.0] * 13
    cf[1], cf[12] = -100.0, 110.0
    check("irr single", close(R.irr(cf), 1.1 ** (12 / 11) - 1, 1e-10))
    # two roots: a u + b u^2 + c u^3 with u = 1/(1+x) at months 12, 24, 36,
    # a = u1 u2, b = -(u1+u2), c = 1; roots x = .1 and x = .5 -> closest to 0: .1
    u1, u2 = 1 / 1.1, 1 / 1.5
    cf = [0.0] * 37
    cf[12], cf[24], cf[36] = u1 * u2, -(u1 + u2), 1.0
    check("irr two roots", close(R.irr(cf), 0.1, 1e-9))
    u1, u2 = 1 / 0.95, 1 / 1.3
    cf[12], cf[24], cf[36] = u1 * u2, -(u1 + u2), 1.0
    check("irr negative root closest", close(R.irr(cf), -0.05, 1e-9))
    check("irr no sign change", R.irr([0.0, 1.0, 2.0, 0.0]) is None)
    # payback edge cases
    check("payback all zero", R.payback_months([0.0, 0.0, 0.0]) is None)
    check("payback never negative", R.payback_months([0.0, 0.0, 5.0]) == 0.0)
    check("payback never recovers", R.payback_months([0.0, -5.0, 1.0, 1.0]) is None)
    check("payback exact zero", R.payback_months([0.0, -5.0, 5.0]) == 2.0)
    # first crossing counts: -5, +10 (C=5), -20 (C=-15), +30
    check("payback first crossing", close(R.payback_months([0.0, -5.0, 10.0, -20.0, 30.0]), 1.5))
    # npv: 100 at month 12, r = 10% -> 100/1.1
    check("npv", close(R.npv([0.0] + [0.0] * 11 + [100.0], 0.1), 100 / 1.1))
    # chargers renewal period: 2.5 y -> 30 months
    lv = {"life_years": 2.5, "start_month": 4, "capex_per_port": 10.0, "ports": 3}
    check("renewal months", [m for m in range(1, 100) if R.chargers_capex(lv, m)] == [4, 34, 64, 94])


# ---------------------------------------------------------------------------
# Bad input: clear error, no output files
# ---------------------------------------------------------------------------
def expect_error(name, text, files=None):
    d = tempfile.mkdtemp(prefix="revsim_ref_selftest_")
    for fname, t in (files or {}).items():
        write(d, fname, t)
    p = write(d, "scen.csv", text)
    out = os.path.join(d, "out")
    try:
        R.run(p, out)
        check(name, False)
    except R.ScenarioError:
        check(name, not os.path.exists(out))


def test_errors():
    expect_error("unknown key", SCEN_A + "other:venue,colour,blue\n")
    expect_error("unknown section", SCEN_A + "widgets:w,count,3\n")
    expect_error("missing required", SCEN_A.replace("community:a,cost_annual,12000\n", ""))
    expect_error("no community named", SCEN_A + "community:z,area_m2,1\ncommunity:z,fee_rate,1\n"
                 "community:z,collection_start,1\ncommunity:z,cost_annual,1\n")
    expect_error("base cycle", "section,key,value\nscenario,base,scen.csv\n")
    expect_error("charger price", SCEN_C.replace("chargers:ch,price_per_session,1,\n", "")
                 .replace("chargers:ch,price_per_kwh,0.5,\n", ""))
    expect_error("fraction range", SCEN_A.replace("50%", "150%"))


if __name__ == "__main__":
    for t in (test_ramps, test_scenario_a, test_scenario_b, test_scenario_c, test_variant_d,
              test_metrics, test_errors):
        t()
    print("%d passed, %d failed" % (PASSED, FAILED))
    sys.exit(1 if FAILED else 0)
