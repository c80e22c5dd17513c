#!/usr/bin/env python3
"""Hand-computed checks of revsim_ref.py.  Run: python3 selftest.py

Each expected number below was worked out by hand from MODEL.md and
docs/model.md (formerly docs/model-notes.md) (the arithmetic is in the comments), not by running the
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


# ===========================================================================
# Part 2 (MODEL.md "Part 2"): every expected number is worked out by hand
# in the comments; the reference's functions are never used to produce one.
# ===========================================================================

def run_all(text, files=None):
    """Run a scenario; return {file name: rows} for every CSV written
    (numbers converted to float, empty cells to None, labels kept)."""
    d = tempfile.mkdtemp(prefix="revsim_ref_selftest_")
    for fname, t in (files or {}).items():
        sub = os.path.dirname(fname)
        if sub:
            os.makedirs(os.path.join(d, sub), exist_ok=True)
        write(d, fname, t)
    p = write(d, "scen.csv", text)
    out = os.path.join(d, "out")
    R.run(p, out)
    labels = {"community", "lever", "kind", "metric", "unit"}
    res = {}
    for fname in sorted(os.listdir(out)):
        with open(os.path.join(out, fname), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        res[fname] = [{k: (v if k in labels else (None if v == "" else float(v)))
                       for k, v in r.items()} for r in rows]
    res["summary"] = {r["metric"]: r["base"] for r in res["summary.csv"]}
    return res


def error_message(text, files=None):
    """Run a scenario that must fail; return the message (None if it ran)."""
    d = tempfile.mkdtemp(prefix="revsim_ref_selftest_")
    for fname, t in (files or {}).items():
        write(d, fname, t)
    p = write(d, "scen.csv", text)
    out = os.path.join(d, "out")
    try:
        R.run(p, out)
    except R.ScenarioError as e:
        return str(e) if not os.path.exists(out) else "output written"
    return None


# A community with no deficit (fee = cost = 1000 a month), so surplus = net.
NO_GAP = """section,key,value
scenario,discount_rate,0
community:z,area_m2,1000
community:z,fee_rate,1
community:z,collection_start,1
community:z,cost_annual,12000
"""


def col(rows, name):
    return [r[name] for r in rows]


# ---------------------------------------------------------------------------
# Loans
# ---------------------------------------------------------------------------
def test_loan_annuity():
    # 1,000,000 at 6% over 12 months, drawn at the end of month 1; horizon 2.
    # i = 0.005; (1.005)^-12 = 0.94190534; A = 5000 / 0.05809466 = 86,066.43
    # month 2: interest 5000.00, principal 81,066.43, balance 918,933.57
    # 12 payments in months 2..13: total 1,032,797.16, interest 32,797.16
    r = run_all(NO_GAP + "scenario,horizon_years,2\nother:o,income,0\n"
                "loan:bank,amount,1000000\nloan:bank,rate,6%\nloan:bank,term_years,1\n")
    mon, s = r["monthly.csv"], r["summary"]
    check("annuity draw", close(mon[0]["draws"], 1e6) and close(mon[0]["debt_balance"], 1e6)
          and mon[0]["debt_service"] == 0)
    check("annuity payment to the cent", round(mon[1]["debt_service"], 2) == 86066.43
          and all(round(m["debt_service"], 2) == 86066.43 for m in mon[1:13]))
    check("annuity month 2 split", close(mon[1]["interest"], 5000.0)
          and round(mon[1]["principal"], 2) == 81066.43
          and round(mon[1]["debt_balance"], 2) == 918933.57)
    check("annuity repaid", mon[12]["debt_balance"] == 0 and mon[13]["debt_service"] == 0
          and s["debt_end"] == 0)
    check("annuity totals", round(s["debt_service_total"], 2) == 1032797.16
          and round(sum(col(mon, "interest")), 2) == 32797.16)
    # cf = 0 (no lever income); cf_equity(1) = +1e6, then -A; fund = cf_equity summed
    check("annuity cf_equity", close(mon[0]["cf_equity"], 1e6) and round(mon[1]["cf_equity"], 2) == -86066.43)
    check("annuity fund", round(mon[23]["fund_end"], 2) == -32797.16)
    # dscr: net income 0 / debt service > 0 -> 0 in both years; the monthly column is empty
    ann = r["annual.csv"]
    check("annuity dscr", ann[0]["dscr"] == 0 and ann[1]["dscr"] == 0 and s["dscr_min"] == 0
          and s["p_dscr_above_1"] == 0 and all(m["dscr"] is None for m in mon))
    # annual debt_balance at the period's end: B(12) = balance after 11 payments = A-ish (one left)
    check("annuity year-end balance", ann[1]["debt_balance"] == 0 and ann[0]["debt_balance"] > 0)


def test_loan_equal_principal_past_horizon():
    # 120,000 at 12% (i = 1%), 1 year, equal principal, drawn month 1, horizon 1.
    # principal 10,000 in months 2..13; interest = 1% of the balance before:
    # m2 1200, m3 1100, ..., m12 200; month 13 is past the horizon.
    # debt_end = 120,000 - 11 x 10,000 = 10,000
    # interest 100 x (12+11+...+2) = 7,700; debt service 110,000 + 7,700 = 117,700
    # net income 2000 a month (other income 2000): dscr_1 = 24,000 / 117,700
    r = run_all(NO_GAP + "scenario,horizon_years,1\nother:o,income,2000\n"
                "loan:bond,amount,120000\nloan:bond,rate,0.12\nloan:bond,term_years,1\n"
                "loan:bond,repayment,equal_principal\n")
    mon, s = r["monthly.csv"], r["summary"]
    check("equal principal m2", close(mon[1]["principal"], 10000) and close(mon[1]["interest"], 1200))
    check("equal principal m12", close(mon[11]["principal"], 10000) and close(mon[11]["interest"], 200))
    check("equal principal debt_end", close(s["debt_end"], 10000) and close(mon[11]["debt_balance"], 10000))
    check("equal principal totals", close(s["debt_service_total"], 117700))
    check("equal principal dscr", close(s["dscr_min"], 24000 / 117700) and s["p_dscr_above_1"] == 0)
    # npv (r = 0) = sum cf = 24,000; npv_equity = 24,000 + 120,000 - 117,700 = 26,300
    check("npv_equity", close(s["npv"], 24000) and close(s["npv_equity"], 26300))


def test_loan_bullet_and_grace():
    # bullet: 100,000 at 6%, 1 year, drawn month 2 -> interest 500 in months 3..14,
    # principal 100,000 in month 14 (= d + n).  horizon 2.
    # annuity with grace: 120,000 at 0%, 1 year (n = 12), grace 2, drawn month 1:
    # k = 10, A = 12,000; no principal in months 2, 3 (<= d+g); 12,000 in months 4..13.
    # a third loan drawn in month 25 (after the horizon) is ignored, a fourth is disabled.
    r = run_all(NO_GAP + "scenario,horizon_years,2\nother:o,income,0\n"
                "loan:b,amount,100000\nloan:b,rate,0.06\nloan:b,term_years,1\nloan:b,month,2\n"
                "loan:b,repayment,bullet\n"
                "loan:g,amount,120000\nloan:g,term_years,1\nloan:g,grace_months,2\n"
                "loan:late,amount,5000\nloan:late,term_years,1\nloan:late,month,25\n"
                "loan:off,amount,7000\nloan:off,term_years,1\nloan:off,enabled,0\n")
    mon, s = r["monthly.csv"], r["summary"]
    # month 2: draw of b (100,000); g: nothing (grace); month 3: b interest 500, g nothing
    check("bullet/grace draws", close(mon[0]["draws"], 120000) and close(mon[1]["draws"], 100000)
          and close(sum(col(mon, "draws")), 220000))
    check("grace months", mon[1]["debt_service"] == 0 and close(mon[2]["debt_service"], 500)
          and mon[2]["principal"] == 0)
    check("annuity after grace", close(mon[3]["principal"], 12000) and close(mon[3]["interest"], 500)
          and close(mon[12]["principal"], 12000) and close(mon[13]["principal"], 100000))
    # month 14: b pays 500 interest + 100,000; g paid off in month 13
    check("bullet month", close(mon[13]["debt_service"], 100500) and mon[13]["debt_balance"] == 0)
    # totals: g 120,000; b 100,000 + 12 x 500 = 106,000 -> 226,000
    check("bullet/grace totals", close(s["debt_service_total"], 226000) and s["debt_end"] == 0)
    # year 1: ds = 9 x 12,000 + 10 x 500 = 113,000; year 2: 12,000 + 2 x 500 + 100,000 = 113,000
    ann = r["annual.csv"]
    check("bullet/grace annual", close(ann[0]["debt_service"], 113000) and close(ann[1]["debt_service"], 113000))
    # B(12) = g: 120,000 - 9 x 12,000 = 12,000; b 100,000 -> 112,000
    check("year-end debt balance", close(ann[0]["debt_balance"], 112000))


# ---------------------------------------------------------------------------
# Income tax: losses carried forward five years, expiry in the sixth
# ---------------------------------------------------------------------------
def test_loss_carry_forward():
    # gap 1000 a month (fee 0, cost 12,000 a year); other income I_y a month:
    # surplus_y = 12 (I_y - 1000); no capex, no fund interest, no loans -> profit_y = surplus_y.
    #   y1 I=0    -> -12,000  (loss L1 = 12,000)
    #   y2 I=1500 -> +6,000   uses 6,000 of L1 -> taxable 0; L1 left 6,000
    #   y3 I=800  -> -2,400   (loss L3 = 2,400)
    #   y4..y6 I=1100 -> +1,200 each, uses L1 (oldest first): L1 left 4,800, 3,600, 2,400
    #   y7 I=1300 -> +3,600; L1 expired (available y2..y6 only); uses L3 2,400 -> taxable 1,200
    #   y8 I=1100 -> +1,200; L3 gone -> taxable 1,200
    # rate 25%: tax 300 in month 84 and 300 in month 96; nothing else.
    text = """section,key,value
scenario,horizon_years,8
scenario,discount_rate,0
scenario,income_tax_rate,25%
community:z,area_m2,1000
community:z,fee_rate,1
community:z,collection_start,0
community:z,cost_annual,12000
other:o,income,0
other:o,income@2,1500
other:o,income@3,800
other:o,income@4,1100
other:o,income@7,1300
other:o,income@8,1100
"""
    r = run_all(text)
    ann, mon, s = r["annual.csv"], r["monthly.csv"], r["summary"]
    check("carry-forward surplus", [round(a["surplus"]) for a in ann]
          == [-12000, 6000, -2400, 1200, 1200, 1200, 3600, 1200])
    check("carry-forward tax by year", [a["income_tax"] for a in ann] == [0, 0, 0, 0, 0, 0, 300, 300])
    check("carry-forward tax month", close(mon[83]["income_tax"], 300) and mon[82]["income_tax"] == 0
          and close(mon[95]["income_tax"], 300))
    check("carry-forward total", close(s["income_tax_total"], 600))
    # cf = net - income tax: year 7 net 15,600 - 300
    check("carry-forward cf", close(ann[6]["cf"], 15600 - 300))
    # fund_end = sum of surplus - tax = 0 - 600
    check("carry-forward fund", close(s["fund_end"], -600))


def test_depreciation_across_horizon():
    # other lever from month 13: income 3000 a month, capex 24,000 in month 13,
    # depreciation_years 2 -> N = 24: 1000 a month in months 13..36; the horizon
    # ends at 24, so year 2 deducts 12 x 1000 = 12,000 (the rest is never deducted).
    # profit_2 = 36,000 - 12,000 = 24,000; tax 20% = 4,800 in month 24.
    # a second lever (other, capex 1200 in month 1, default D = 10 years: N = 120,
    # 10 a month) with income 0: year 1 profit = -120 -> loss 120, used in year 2:
    # taxable_2 = 24,000 - 10 x 12 (its year-2 depreciation) - 120 = 23,760 -> 4,752.
    text = NO_GAP + """scenario,horizon_years,2
scenario,income_tax_rate,0.2
other:o,income,3000
other:o,start_month,13
other:o,capex,24000
other:o,depreciation_years,2
other:p,income,0
other:p,capex,1200
"""
    r = run_all(text)
    ann, s = r["annual.csv"], r["summary"]
    check("depreciation year 1", ann[0]["income_tax"] == 0)
    check("depreciation across the horizon end", close(ann[1]["income_tax"], 4752))
    # cf total = 36,000 - 25,200 - 4,752 = 6,048
    check("depreciation cf", close(s["npv"], 36000 - 25200 - 4752))


# ---------------------------------------------------------------------------
# Subsidies
# ---------------------------------------------------------------------------
def test_subsidies():
    # horizon 1.  parking p1: 10 spaces x 500, lag 12 -> month 13: after the horizon, dropped.
    # parking p2: 10 spaces x 500, lag 11 -> month 12: 5,000.
    # chargers: 10 ports, 2 sessions/day, 1 kWh, price 1 CNY/session:
    #   sessions = 10 x 2 x 365/12 = 608.3333 a month; per-kWh subsidy 0.1 for
    #   subsidy_years 0.5 (6 months): 60.8333 in months 1..6 = 365 in all;
    #   kw_per_port 7 x subsidy_per_kw 100 x 10 ports = 7,000 + 10 ports x 50 = 500 in month 1.
    # other: lump sum 2,000 in month 1 + 3 = 4.
    text = NO_GAP + """scenario,horizon_years,1
parking:p1,spaces,10
parking:p1,fee,0
parking:p1,subsidy_per_unit,500
parking:p1,subsidy_lag_months,12
parking:p2,spaces,10
parking:p2,fee,0
parking:p2,subsidy_per_unit,500
parking:p2,subsidy_lag_months,11
chargers:ch,ports,10
chargers:ch,sessions_target,2
chargers:ch,kwh_per_session,1
chargers:ch,price_per_session,1
chargers:ch,subsidy_per_kwh,0.1
chargers:ch,subsidy_years,0.5
chargers:ch,kw_per_port,7
chargers:ch,subsidy_per_kw,100
chargers:ch,subsidy_per_unit,50
other:o,income,0
other:o,subsidy,2000
other:o,subsidy_lag_months,3
"""
    r = run_all(text)
    mon, s = r["monthly.csv"], r["summary"]
    sub = col(mon, "subsidy")
    check("subsidy month 1", close(sub[0], 7500 + 608.3333333333334 * 0.1))
    check("subsidy month 4", close(sub[3], 2000 + 60.833333333333336))
    check("subsidy months 7..11", all(x == 0 for x in sub[6:11]))
    check("subsidy lag 11", close(sub[11], 5000))
    check("subsidy total (lag past horizon dropped)", close(s["subsidy_total"], 7500 + 365 + 2000 + 5000))
    # subsidies are not revenue nor net income: revenue = charger gross 608.33 a month
    check("subsidy not revenue", close(r["annual.csv"][0]["revenue"], 7300))
    ls = {x["lever"]: x for x in r["lever_summary.csv"]}
    check("lever subsidy_total", ls["p1"]["subsidy_total"] == 0 and close(ls["p2"]["subsidy_total"], 5000)
          and close(ls["ch"]["subsidy_total"], 7865) and close(ls["o"]["subsidy_total"], 2000))
    # cf includes the subsidy: total cf = 7,300 + 14,865
    check("cf includes subsidy", close(s["npv"], 7300 + 14865))


# ---------------------------------------------------------------------------
# Building time with a charger renewal; taxes on gross
# ---------------------------------------------------------------------------
def test_build_months():
    # chargers: 10 ports x 1200 = 12,000 of capex; start_month 2, build_months 3:
    # 4,000 in months 2, 3, 4; o = 5; life 0.5 y -> P = 6: renewals of 12,000 in
    # months 11, 17, 23 (horizon 2).  1 session/port/day at 1 CNY: gross
    # 10 x 365/12 = 304.1667 a month from month 5; opex_per_port 1 -> 10 a month from 5.
    # tax_rate 6%, share_out 50%: tax = 0.06 x 304.1667 x 0.5 = 9.125;
    # net = 152.0833 - 9.125 - 10 = 132.9583.  subsidy_per_unit 100 -> 1,000 in month 5 only.
    text = NO_GAP + """scenario,horizon_years,2
chargers:ch,ports,10
chargers:ch,sessions_target,1
chargers:ch,price_per_session,1
chargers:ch,capex_per_port,1200
chargers:ch,life_years,0.5
chargers:ch,opex_per_port,1
chargers:ch,start_month,2
chargers:ch,build_months,3
chargers:ch,tax_rate,6%
chargers:ch,share_out,0.5
chargers:ch,subsidy_per_unit,100
"""
    r = run_all(text)
    mon, s = r["monthly.csv"], r["summary"]
    cap = col(mon, "capex")
    check("build capex months", [m + 1 for m, x in enumerate(cap) if x] == [2, 3, 4, 11, 17, 23])
    check("build capex parts", close(cap[1], 4000) and close(cap[3], 4000) and close(cap[10], 12000))
    check("build capex total", close(s["capex_total"], 48000))
    check("nothing during building", mon[3]["revenue"] == 0 and mon[3]["net_income"] == 0)
    check("operating from o", close(mon[4]["revenue"], 304.1666666666667)
          and close(mon[4]["tax"], 9.125) and close(mon[4]["net_income"], 132.95833333333334))
    check("subsidy once", close(mon[4]["subsidy"], 1000) and close(s["subsidy_total"], 1000))
    # completion o - 1 + 1 = 5 -> stabilized year 2
    check("build stabilized", s["stabilized_year"] == 2)
    lv = r["levers.csv"]
    # year 1: revenue 8 x 304.1667 = 2,433.33; tax 73; costs 80; capex 24,000; subsidy 1,000
    check("levers.csv year 1", lv[0]["lever"] == "ch" and lv[0]["kind"] == "chargers"
          and lv[0]["community"] == "z" and close(lv[0]["revenue"], 2433.3333333333335)
          and close(lv[0]["tax"], 73) and close(lv[0]["costs"], 80)
          and close(lv[0]["capex"], 24000) and close(lv[0]["subsidy"], 1000)
          and close(lv[0]["cf"], 8 * 132.95833333333334 - 24000 + 1000))
    check("tax_total", close(s["tax_total"], 20 * 9.125))


# ---------------------------------------------------------------------------
# The fund's own money
# ---------------------------------------------------------------------------
def test_fund_interest():
    # initial 1200, interest 12% (1% a month), overdraft 24% (2% a month);
    # capex 2000 in month 2; no other flow.
    # m1: fi = 12 -> 1212; m2: fi = 12.12 -> 1212 + 12.12 - 2000 = -775.88
    # m3: fi = -15.5176 -> -791.3976; m4: fi = -15.827952 -> -807.225552
    # reserve 1000: months 2..12 below it -> 11
    text = NO_GAP + """scenario,horizon_years,1
other:o,income,0
other:o,capex,2000
other:o,start_month,2
fund,initial,1200
fund,interest_rate,12%
fund,overdraft_rate,24%
fund,reserve,1000
"""
    r = run_all(text)
    mon, s = r["monthly.csv"], r["summary"]
    fi, fe = col(mon, "fund_interest"), col(mon, "fund_end")
    check("fund interest m1", close(fi[0], 12) and close(fe[0], 1212))
    check("fund interest m2", close(fi[1], 12.12) and close(fe[1], -775.88))
    check("overdraft m3", close(fi[2], -15.5176) and close(fe[2], -791.3976))
    check("overdraft m4", close(fi[3], -15.827952) and close(fe[3], -807.225552))
    check("months_below_reserve", s["months_below_reserve"] == 11)
    # fund interest is not part of cf
    check("fund interest not in cf", close(s["npv"], -2000))


# ---------------------------------------------------------------------------
# Schedules KEY@Y, ramp_start_month, stabilized_year pin
# ---------------------------------------------------------------------------
def test_schedule_steps():
    # shops: 1 shop x 10 m2, full occupancy (ramp 0), rent 10 growing 10%, rent@3 = 20,
    # rent@9 after the 5-year horizon (ignored):
    # rent by year 10, 11, 20, 22, 24.2 -> gross 100, 110, 200, 220, 242 a month.
    # community cost 12,000 growing 10%, cost_annual@2 = 6000: 12,000, 6,000, 6,600, 7,260, 7,986
    # collection ramp from month 13 (ramp_start_month 13), 12 months, linear, 0 -> 1:
    # completion 13 - 1 + 12 = 24 -> year 3 (first month 25); pinned to year 2 instead.
    text = """section,key,value
scenario,horizon_years,5
scenario,discount_rate,0
scenario,stabilized_year,2
community:z,area_m2,100
community:z,fee_rate,1
community:z,collection_start,0
community:z,collection_target,1
community:z,ramp_months,12
community:z,ramp_shape,linear
community:z,ramp_start_month,13
community:z,cost_annual,12000
community:z,cost_growth,10%
community:z,cost_annual@2,6000
shops:s,count,1
shops:s,area_m2,10
shops:s,rent,10
shops:s,rent_growth,0.1
shops:s,rent@3,20
shops:s,rent@9,99
shops:s,occupancy_target,1
shops:s,ramp_months,0
"""
    r = run_all(text)
    ann, mon, s = r["annual.csv"], r["monthly.csv"], r["summary"]
    check("step rent", [round(a["revenue"], 6) for a in ann] == [1200, 1320, 2400, 2640, 2904])
    check("step cost", [round(a["mgmt_cost"], 6) for a in ann] == [12000, 6000, 6600, 7260, 7986])
    # fee: 0 in year 1 (collection 0 before month 13), month 13 = 100 x 1/12, month 24 = 100
    check("ramp_start_month", sum(col(mon, "fee_income")[:12]) == 0
          and close(mon[12]["fee_income"], 100 / 12) and close(mon[23]["fee_income"], 100))
    check("stabilized pin", s["stabilized_year"] == 2 and close(s["revenue_stabilized"], 1320))
    # deficit_before uses year-1 values: 12 x (1000 - 0) = 12,000
    check("deficit_before year-1 values", close(s["deficit_before"], 12000))


# ---------------------------------------------------------------------------
# Templates: like
# ---------------------------------------------------------------------------
TEMPLATE = NO_GAP + """scenario,horizon_years,2
other:t,income,1000
other:t,income@2,3000
other:t,capex,500
other:t,enabled,0
other:a,like,other:t
other:a,income,2000
other:b,like,other:t
other:c,like,other:a
other:c,start_month,13
"""


def test_like():
    # t is a template (enabled 0, never simulated); a copies t and sets income 2000
    # but keeps t's income@2 = 3000; b copies t as is; c copies a (a chain) from month 13.
    # a: 24,000 + 36,000; b: 12,000 + 36,000; c: 0 + 36,000; capex 500 each (a, b month 1; c month 13)
    r = run_all(TEMPLATE)
    ann, s = r["annual.csv"], r["summary"]
    cols = [k for k in ann[0] if k.startswith("revenue:")]
    check("like columns", cols == ["revenue:a", "revenue:b", "revenue:c"])
    check("like override one row", close(ann[0]["revenue:a"], 24000) and close(ann[1]["revenue:a"], 36000))
    check("like plain copy", close(ann[0]["revenue:b"], 12000) and close(ann[1]["revenue:b"], 36000))
    check("like chain", ann[0]["revenue:c"] == 0 and close(ann[1]["revenue:c"], 36000))
    check("like capex copied", close(ann[0]["capex"], 1000) and close(ann[1]["capex"], 500))
    check("like lever rows", [x["lever"] for x in r["lever_summary.csv"]] == ["a", "b", "c"])


def test_like_errors():
    base = NO_GAP + "scenario,horizon_years,1\n"
    m = error_message(base + "other:a,like,other:b\nother:a,income,1\nother:b,like,other:a\n")
    check("like cycle is an error", m is not None and "cycle" in m)
    m = error_message(base + "other:a,like,other:a\n")
    check("like itself is an error", m is not None and "cycle" in m)
    m = error_message(base + "other:t,income,1\nchargers:c,like,other:t\nchargers:c,ports,1\n")
    check("like other kind is an error", m is not None and "same kind" in m)
    m = error_message(base + "other:a,like,other:nothing\n")
    check("like missing section is an error", m is not None)


# ---------------------------------------------------------------------------
# Tables: include
# ---------------------------------------------------------------------------
TABLE = """Section,income,capex,income.low,income.high,income.note,start_month
other:x,1000,500,800,1200,"note, with comma",
# a comment row,,,,,,
other:y,300,,,,,13
community:z,,,,,,
"""


def test_include():
    # x: income 1000 and capex 500 from the table; the including file's own row
    # income 2000 replaces the included one (whichever order they stand in).
    # y: 300 a month from month 13.  horizon 2.
    text = NO_GAP + "other:x,income,2000\nscenario,include,tab.csv\nscenario,horizon_years,2\n"
    r = run_all(text, {"tab.csv": TABLE})
    ann = r["annual.csv"]
    check("include own row replaces included row", close(ann[0]["revenue:x"], 24000))
    check("include capex", close(ann[0]["capex"], 500))
    check("include other row", ann[0]["revenue:y"] == 0 and close(ann[1]["revenue:y"], 3600))
    # precedence base < tables < own rows: the base sets x's income 5000 and capex 7;
    # the table's capex 500 replaces the base's, the own row's income 2000 the others.
    base = NO_GAP + "scenario,horizon_years,2\nother:x,income,5000\nother:x,capex,7\n"
    r = run_all("section,key,value\nscenario,base,base.csv\nscenario,include,tab.csv\n"
                "other:x,income,2000\n", {"base.csv": base, "tab.csv": TABLE})
    check("include precedence", close(r["annual.csv"][0]["revenue:x"], 24000)
          and close(r["annual.csv"][0]["capex"], 500))


def test_include_errors():
    bad = TABLE.replace("other:y,300,,", "other:y,300,lots,")
    m = error_message(NO_GAP + "scenario,include,tab.csv\n", {"tab.csv": bad})
    # the bad cell stands on line 4 of tab.csv (header 1, x 2, comment row 3), column capex
    check("include error names file and row", m is not None and "tab.csv:4:" in m and "other:y.capex" in m)
    m = error_message(NO_GAP + "scenario,include,t1.csv\nscenario,include,t2.csv\n",
                      {"t1.csv": "section,income\nother:x,1\n", "t2.csv": "section,income\nother:x,2\n"})
    check("two included rows are an error", m is not None and "t2.csv:2:" in m)
    m = error_message(NO_GAP + "scenario,include,t1.csv\n",
                      {"t1.csv": "section,base\nscenario,x.csv\n"})
    check("a table holds no base", m is not None and "t1.csv:2:" in m)
    m = error_message(NO_GAP + "other:x,income,1\nother:x,income,2\n")
    check("duplicate row in one file", m is not None and "twice" in m)


# ---------------------------------------------------------------------------
# calendar.csv with a mid-year start
# ---------------------------------------------------------------------------
def test_calendar():
    # start 2024-07, horizon 2: months 1..6 in 2024, 7..18 in 2025, 19..24 in 2026.
    # other income 100 a month (years 1, 2), capex 50 in month 1; fund_end at months 6, 18, 24.
    # a community with a deficit: gap 1000 a month -> coverage = 600/6000 etc.
    text = """section,key,value
scenario,start,2024-07
scenario,horizon_years,2
scenario,discount_rate,0
community:z,area_m2,1000
community:z,fee_rate,1
community:z,collection_start,0
community:z,cost_annual,12000
other:o,income,100
other:o,capex,50
"""
    r = run_all(text)
    cal = r["calendar.csv"]
    check("calendar years", col(cal, "calendar_year") == [2024, 2025, 2026] and col(cal, "months") == [6, 12, 6])
    check("calendar sums", col(cal, "revenue") == [600, 1200, 600] and col(cal, "capex") == [50, 0, 0])
    # fund: -50 + 6 x (100 - 1000) = -5,450 at month 6; -5,450 - 12 x 900 = -16,250; -21,650
    check("calendar fund_end", close(cal[0]["fund_end"], -5450) and close(cal[1]["fund_end"], -16250)
          and close(cal[2]["fund_end"], -21650))
    check("calendar coverage", close(cal[0]["coverage"], 0.1) and cal[0]["dscr"] is None)
    hdr = list(cal[0].keys())
    ann_hdr = list(r["annual.csv"][0].keys())
    check("calendar columns", hdr[:2] == ["calendar_year", "months"] and hdr[2:] == ann_hdr[1:])
    # no start -> no calendar.csv
    r = run_all(text.replace("scenario,start,2024-07\n", ""))
    check("no calendar without start", "calendar.csv" not in r)


def test_part2_columns():
    r = run_all(SCEN_A)
    hdr = list(r["annual.csv"][0].keys())
    check("annual columns", hdr == ["year", "revenue", "net_income", "capex", "fee_income", "mgmt_cost",
                                    "deficit", "coverage", "surplus", "fund_end", "tax", "subsidy",
                                    "income_tax", "fund_interest", "draws", "interest", "principal",
                                    "debt_service", "debt_balance", "dscr", "cf", "cf_equity",
                                    "revenue:venue"])
    metrics = [x["metric"] for x in r["summary.csv"]]
    check("summary additions", metrics[-9:] == ["tax_total", "subsidy_total", "income_tax_total",
                                                "debt_service_total", "dscr_min", "p_dscr_above_1",
                                                "debt_end", "npv_equity", "months_below_reserve"])
    s = r["summary"]
    # no debt service: dscr_min empty, p_dscr_above_1 = 1; npv_equity = npv = 8,400
    check("no debt", s["dscr_min"] is None and s["p_dscr_above_1"] == 1 and close(s["npv_equity"], 8400))
    # reserve 0 counts the months with a negative fund:
    # fund: -2300, -2300, -2000, -1400, -800, -200, +400, ... -> 6 months
    check("months below reserve 0", s["months_below_reserve"] == 6)
    ls = r["lever_summary.csv"][0]
    # lever venue: capex 3000, net stabilized (year 1) 11,400, coverage_share 11,400/6,000
    check("lever_summary", ls["lever"] == "venue" and close(ls["capex_total"], 3000)
          and close(ls["net_income_stabilized"], 11400) and close(ls["coverage_share"], 1.9)
          and close(ls["npv"], 8400) and close(ls["payback_years"], (4 + 400 / 1100) / 12))


if __name__ == "__main__":
    for t in (test_ramps, test_scenario_a, test_scenario_b, test_scenario_c, test_variant_d,
              test_metrics, test_errors,
              test_loan_annuity, test_loan_equal_principal_past_horizon, test_loan_bullet_and_grace,
              test_loss_carry_forward, test_depreciation_across_horizon, test_subsidies,
              test_build_months, test_fund_interest, test_schedule_steps, test_like, test_like_errors,
              test_include, test_include_errors, test_calendar, test_part2_columns):
        t()
    print("%d passed, %d failed" % (PASSED, FAILED))
    sys.exit(1 if FAILED else 0)
