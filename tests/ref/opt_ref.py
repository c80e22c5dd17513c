#!/usr/bin/env python3
"""Brute-force check of `revsim optimize` with the independent reference model.

    python3 opt_ref.py gen OUTDIR N SEED
    python3 opt_ref.py check SCENARIO.csv OPTIMUM_DIR [--rtol R]

`gen` writes OUTDIR/opt_000.csv ...: N small scenarios for the optimiser
(2 or 3 sized levers with size_max of 1 to 3, sometimes an optional `other`
lever and a lever that is not sized; loans, grants, subsidies, taxes,
build months, renewals, schedules, one or two communities), with limits
calibrated by running the reference at the smallest and largest sizes so
that they bind about as often as not; sometimes they cannot be met at all.
Same N and SEED give the same files.

`check` reads MODEL.md part 2 "Optimising the mix" as follows, without the
C code: every combination of sizes (each sized lever size_min..size_max,
each optional lever 0 or 1) becomes a variant file (`scenario,base` the
scenario, the size rows, `enabled,0` for a lever at 0 or left out, and
`scenario,stabilized_year` pinned to the stabilized year of the scenario
with every lever in); revsim_ref.py computes each; a combination is
feasible when it meets every limit (to a relative 1e-9):
- optimize,space_m2 >= sum of size x space_per_unit over sized levers;
  community:NAME,space_m2 the same over that community's sized levers;
- optimize,budget >= sum of capex - subsidy over months 1..12 budget_years
  (default horizon_years), every lever;
- coverage_stabilized >= min_coverage (no deficit: met); for every
  community with a deficit in the stabilized year its coverage >=
  min_coverage_each; fund_never_negative: fund_min >= 0; dscr_min >=
  min_dscr (no debt service: met).
The best objective (npv, npv_equity, fund_end, fund_min or
net_income_stabilized of summary.csv) over the feasible combinations must
equal the objective row of OPTIMUM_DIR/optimum_limits.csv to a relative R
(1e-6), and the sizes in OPTIMUM_DIR/optimum.csv must be feasible with that
objective. When OPTIMUM_DIR has no optimum_limits.csv (revsim refused),
no combination may be feasible. Exit 0 when they agree, 1 otherwise.

Standard library only; IRR is not needed and is switched off for speed.
"""

import csv
import itertools
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import revsim_ref as R  # noqa: E402

R.irr = lambda cf, *a, **k: None   # not an objective or a limit: save the time

TOL = 1e-9
SIZE_KEY = {"shops": "count", "parking": "spaces", "chargers": "ports"}
OBJECTIVES = ("npv", "npv_equity", "fund_end", "fund_min", "net_income_stabilized")


# ---------------------------------------------------------------------------
# evaluating one combination
# ---------------------------------------------------------------------------

def decisions(scen):
    """[(lever dict, sized, lo, hi)] in the scenario's order."""
    out = []
    for lv in scen["levers"]:
        if lv["size_max"] is not None and lv["type"] in SIZE_KEY:
            out.append((lv, True, int(lv["size_min"]), int(lv["size_max"])))
        elif lv["type"] == "other" and lv["optional"]:
            out.append((lv, False, 0, 1))
    return out


def write_variant(path, base, decs, sizes, stab_year):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["section", "key", "value"])
        w.writerow(["scenario", "base", os.path.abspath(base)])
        if stab_year is not None:
            w.writerow(["scenario", "stabilized_year", stab_year])
        for (lv, sized, _, _), n in zip(decs, sizes):
            sec = "%s:%s" % (lv["type"], lv["name"])
            if n == 0:
                w.writerow([sec, "enabled", 0])
            elif sized:
                w.writerow([sec, SIZE_KEY[lv["type"]], n])


def at_least(a, b):
    return a >= b - TOL * max(1.0, abs(a), abs(b))


def evaluate(path, opt, decs, sizes):
    """(objective, feasible, why) of the variant at path."""
    scen = R.parse_scenario(path)
    res = R.compute(scen)
    summ = dict(res["summary"])
    H = scen["scenario"]["horizon_years"]
    sy = summ["stabilized_year"]
    why = []
    space = sum(n * lv["space_per_unit"] for (lv, sized, _, _), n in zip(decs, sizes) if sized)
    if opt["space_m2"] is not None and not at_least(opt["space_m2"], space):
        why.append("space %g > %g" % (space, opt["space_m2"]))
    for c in scen["communities"]:
        if c["space_m2"] is None:
            continue
        cs = sum(n * lv["space_per_unit"] for (lv, sized, _, _), n in zip(decs, sizes)
                 if sized and lv["community"] == c["name"])
        if not at_least(c["space_m2"], cs):
            why.append("space of %s %g > %g" % (c["name"], cs, c["space_m2"]))
    if opt["budget"] is not None:
        years = int(opt["budget_years"]) if opt["budget_years"] is not None else H
        months = min(12 * years, 12 * H)
        spent = sum(row["capex"] - row["subsidy"] for row in res["monthly"][:months])
        if not at_least(opt["budget"], spent):
            why.append("budget %g > %g" % (spent, opt["budget"]))
    if opt["min_coverage"] is not None:
        cov = summ["coverage_stabilized"]
        if cov is not None and not at_least(cov, opt["min_coverage"]):
            why.append("coverage %g" % cov)
    if opt["min_coverage_each"] is not None:
        for row in res["communities"]:
            if row["year"] == sy and row["deficit"] > 0 and \
                    not at_least(row["coverage"], opt["min_coverage_each"]):
                why.append("coverage of %s %g" % (row["community"], row["coverage"]))
    if opt["fund_never_negative"] and not at_least(summ["fund_min"], 0.0):
        why.append("fund_min %g" % summ["fund_min"])
    if opt["min_dscr"] is not None and summ["dscr_min"] is not None and \
            not at_least(summ["dscr_min"], opt["min_dscr"]):
        why.append("dscr_min %g" % summ["dscr_min"])
    return summ[opt["objective"]], not why, "; ".join(why)


def stabilized_year_all_in(path, decs, tmp):
    """The stabilized year with every sized lever at size_max and every
    optional lever in (MODEL.md), computed by the reference."""
    v = os.path.join(tmp, "all-in.csv")
    write_variant(v, path, decs, [hi for (_, _, _, hi) in decs], None)
    scen = R.parse_scenario(v)
    return R.stabilized_year(scen, scen["scenario"]["horizon_years"])


def brute_force(path, tmp):
    """(best objective or None, its sizes, every (sizes, objective, feasible))."""
    scen = R.parse_scenario(path)
    opt = scen["optimize"]
    decs = decisions(scen)
    sy = stabilized_year_all_in(path, decs, tmp)
    best, best_sizes, seen = None, None, []
    ranges = [range(lo, hi + 1) for (_, _, lo, hi) in decs]
    for i, sizes in enumerate(itertools.product(*ranges)):
        v = os.path.join(tmp, "combo_%d.csv" % i)
        write_variant(v, path, decs, sizes, sy)
        obj, ok, _ = evaluate(v, opt, decs, sizes)
        seen.append((sizes, obj, ok))
        if ok and (best is None or obj > best):
            best, best_sizes = obj, sizes
    return best, best_sizes, decs, opt, sy, seen


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def check(path, outdir, rtol):
    with tempfile.TemporaryDirectory() as tmp:
        best, best_sizes, decs, opt, sy, seen = brute_force(path, tmp)
        lim = os.path.join(outdir, "optimum_limits.csv")
        if not os.path.exists(lim):
            if best is None:
                print("ok: no combination meets the limits (%d tried) and revsim refused"
                      % len(seen))
                return 0
            print("FAIL: revsim refused, but sizes %s meet the limits with objective %.10g"
                  % (best_sizes, best))
            return 1
        c_obj = float(read_csv(lim)[0]["value"])
        if best is None:
            print("FAIL: revsim reports %.10g but no combination of %d meets the limits"
                  % (c_obj, len(seen)))
            return 1
        rows = read_csv(os.path.join(outdir, "optimum.csv"))
        c_sizes = tuple(int(float(r["size"])) for r in rows)
        v = os.path.join(tmp, "c_choice.csv")
        write_variant(v, path, decs, c_sizes, sy)
        obj, ok, why = evaluate(v, opt, decs, c_sizes)
        if abs(c_obj - best) > rtol * max(1.0, abs(best)):
            print("FAIL: revsim's objective %.10g (sizes %s), the best of %d combinations "
                  "%.10g (sizes %s)" % (c_obj, c_sizes, len(seen), best, best_sizes))
            return 1
        if not ok or abs(obj - c_obj) > rtol * max(1.0, abs(c_obj)):
            print("FAIL: revsim's sizes %s give %.10g in the reference (%s)"
                  % (c_sizes, obj, why or "feasible"))
            return 1
        print("ok: objective %.10g, the best of %d combinations (%d feasible), sizes %s"
              % (c_obj, len(seen), sum(1 for s in seen if s[2]), c_sizes))
        return 0


# ---------------------------------------------------------------------------
# generating scenarios
# ---------------------------------------------------------------------------

def u(rng, a, b, nd=4):
    return round(rng.uniform(a, b), nd)


def lever_rows(rng, kind, name, com, sized):
    sec = "%s:%s" % (kind, name)
    rows = [(sec, "community", com), (sec, "start_month", rng.choice([1, 1, 2, 5, 13]))]
    if rng.random() < 0.3:
        rows.append((sec, "build_months", rng.choice([1, 3, 7])))
    if rng.random() < 0.3:
        rows.append((sec, "tax_rate", u(rng, 0.03, 0.12)))
    if rng.random() < 0.3:
        rows.append((sec, "share_out", u(rng, 0.05, 0.3)))
    if kind == "shops":
        rows += [(sec, "count", rng.randint(1, 3)), (sec, "area_m2", u(rng, 20, 80, 1)),
                 (sec, "rent", u(rng, 20, 60, 2)), (sec, "occupancy_start", u(rng, 0.1, 0.5)),
                 (sec, "occupancy_target", u(rng, 0.6, 0.95)),
                 (sec, "ramp_months", rng.choice([0, 6, 12])),
                 (sec, "fitout_capex", u(rng, 5000, 40000, 0)),
                 (sec, "master_rent", u(rng, 0, 15, 2)), (sec, "opex_rate", u(rng, 0, 0.1)),
                 (sec, "opex_fixed", u(rng, 200, 3000, 0)),
                 (sec, "rent_free_months", rng.choice([0, 0, 2]))]
        if rng.random() < 0.4:
            rows.append((sec, "rent@2", u(rng, 25, 70, 2)))
        if rng.random() < 0.3:
            rows.append((sec, "subsidy_per_unit", u(rng, 1000, 8000, 0)))
    elif kind == "parking":
        rows += [(sec, "kind", rng.choice(["car", "ebike"])), (sec, "spaces", rng.randint(5, 40)),
                 (sec, "fee", u(rng, 10, 200, 2)), (sec, "utilization_start", u(rng, 0.2, 0.6)),
                 (sec, "utilization_target", u(rng, 0.6, 1.0)),
                 (sec, "ramp_months", rng.choice([0, 3, 12])),
                 (sec, "capex_per_space", u(rng, 300, 6000, 0)),
                 (sec, "opex_per_space", u(rng, 0, 12, 2))]
        if rng.random() < 0.3:
            rows.append((sec, "subsidy_per_unit", u(rng, 100, 1500, 0)))
            rows.append((sec, "subsidy_lag_months", rng.choice([0, 4])))
    else:
        rows += [(sec, "kind", rng.choice(["ebike", "ev_ac"])), (sec, "ports", rng.randint(2, 30)),
                 (sec, "sessions_start", u(rng, 0.1, 0.5)),
                 (sec, "sessions_target", u(rng, 0.5, 2.0)),
                 (sec, "ramp_months", rng.choice([0, 6, 18])),
                 (sec, "kwh_per_session", u(rng, 0.5, 20, 2)),
                 (sec, "price_per_kwh", u(rng, 0.9, 1.6, 3)),
                 (sec, "electricity_cost", u(rng, 0.5, 0.7, 3)),
                 (sec, "capex_per_port", u(rng, 300, 6000, 0)),
                 (sec, "opex_per_port", u(rng, 0, 20, 2)), (sec, "opex_rate", u(rng, 0, 0.08))]
        if rng.random() < 0.5:
            rows.append((sec, "life_years", rng.choice([1.5, 2, 3])))
        if rng.random() < 0.4:
            rows += [(sec, "kw_per_port", u(rng, 1, 7, 1)), (sec, "subsidy_per_kw", u(rng, 20, 200, 1))]
        if rng.random() < 0.4:
            rows += [(sec, "subsidy_per_kwh", u(rng, 0.05, 0.2, 3)),
                     (sec, "subsidy_years", rng.choice([0, 1, 2]))]
    if sized:
        rows.append((sec, "size_max", rng.randint(1, 3)))
        if rng.random() < 0.2:
            rows.append((sec, "size_min", 1))
        rows.append((sec, "space_per_unit", u(rng, 0, 40, 2)))
    return rows


def base_rows(rng, i):
    H = rng.randint(2, 5)
    rows = [("scenario", "name", "optimiser check %d" % i), ("scenario", "horizon_years", H),
            ("scenario", "discount_rate", u(rng, 0, 0.1)), ("scenario", "runs", 0)]
    coms = ["east", "west"][:rng.choice([1, 1, 2])]
    for c in coms:
        sec = "community:" + c
        rows += [(sec, "area_m2", u(rng, 20000, 60000, 0)), (sec, "fee_rate", u(rng, 0.3, 1.0, 3)),
                 (sec, "collection_start", u(rng, 0.5, 0.8)),
                 (sec, "collection_target", u(rng, 0.8, 0.95)),
                 (sec, "ramp_months", rng.choice([0, 12])),
                 (sec, "cost_annual", u(rng, 400000, 900000, 0))]
    rows.append(("fund", "initial", u(rng, 0, 300000, 0)))
    if rng.random() < 0.4:
        rows += [("grant:city", "amount", u(rng, 50000, 200000, 0)),
                 ("grant:city", "month", rng.randint(1, 12 * H))]
    loan = rng.random() < 0.4
    if loan:
        rows += [("loan:bond", "amount", u(rng, 50000, 300000, 0)),
                 ("loan:bond", "rate", u(rng, 0.02, 0.05)),
                 ("loan:bond", "term_years", rng.choice([2, 3, 5])),
                 ("loan:bond", "repayment", rng.choice(["annuity", "equal_principal", "bullet"]))]
    kinds = ["shops", "parking", "chargers"]
    n_sized = rng.choice([2, 3])
    for j in range(n_sized):
        rows += lever_rows(rng, rng.choice(kinds), "s%d" % j, rng.choice(coms), True)
    if rng.random() < 0.5:
        rows += lever_rows(rng, rng.choice(kinds), "fixed", rng.choice(coms), False)
    if rng.random() < 0.6:
        sec = "other:venue"
        rows += [(sec, "community", rng.choice(coms)), (sec, "income", u(rng, 2000, 12000, 0)),
                 (sec, "capex", u(rng, 20000, 150000, 0)), (sec, "opex_fixed", u(rng, 0, 2000, 0)),
                 (sec, "ramp_months", rng.choice([0, 6])), (sec, "optional", 1)]
    return rows, coms, loan, H


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["section", "key", "value"])
        for r in rows:
            w.writerow(r)


def corner(path, tmp, which):
    """summary, communities, monthly of the scenario at every size at its
    minimum (which 0) or maximum (1), optional levers out or in."""
    scen = R.parse_scenario(path)
    decs = decisions(scen)
    sizes = [(lo, hi)[which] for (_, _, lo, hi) in decs]
    v = os.path.join(tmp, "corner.csv")
    write_variant(v, path, decs, sizes, None)
    res = R.compute(R.parse_scenario(v))
    return dict(res["summary"]), res, decs


def between(rng, a, b):
    """A limit between a (the smallest mix) and b (the largest), >= 0, or None."""
    c = a + (b - a) * rng.uniform(0.05, 0.6) if abs(b - a) > 1e-6 else a - 0.05 * abs(a) - 0.001
    return round(c, 6) if c >= 0 else None


def worst_community(res):
    """The lowest coverage of a community with a deficit in the stabilized year."""
    sy = dict(res["summary"])["stabilized_year"]
    cov = [r["coverage"] for r in res["communities"] if r["year"] == sy and r["deficit"] > 0]
    return min(cov) if cov else None


def gen(outdir, n, seed):
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            rows, coms, loan, H = base_rows(rng, i)
            path = os.path.join(outdir, "opt_%03d.csv" % i)
            write_rows(path, rows)
            lo, rlo, decs = corner(path, tmp, 0)
            hi, rhi, _ = corner(path, tmp, 1)
            obj = rng.choice(OBJECTIVES if loan else [o for o in OBJECTIVES if o != "npv_equity"])
            rows.append(("optimize", "objective", obj))
            space = sum(hi_ * lv["space_per_unit"] for (lv, s, _, hi_) in decs if s)
            if rng.random() < 0.7 and space > 0:
                rows.append(("optimize", "space_m2", round(space * rng.uniform(0.3, 0.95), 2)))
            if len(coms) > 1 and rng.random() < 0.5:
                rows.append(("community:" + coms[0], "space_m2", round(space * rng.uniform(0.1, 0.6), 2)))
            if rng.random() < 0.7:
                years = rng.choice([None, 1, H])
                months = 12 * (years or H)
                b0 = sum(r["capex"] - r["subsidy"] for r in rlo["monthly"][:months])
                b1 = sum(r["capex"] - r["subsidy"] for r in rhi["monthly"][:months])
                rows.append(("optimize", "budget", round(b0 + (b1 - b0) * rng.uniform(0.2, 0.95), 2)))
                if years:
                    rows.append(("optimize", "budget_years", years))
            # coverage limits between the smallest and the largest mix, off the
            # ends (a limit equal to a reachable value would be a tie)
            c0, c1 = lo["coverage_stabilized"], hi["coverage_stabilized"]
            if rng.random() < 0.5 and c0 is not None and c1 is not None:
                c = between(rng, c0, c1)
                if c is not None:
                    rows.append(("optimize", "min_coverage", c))
            e0, e1 = worst_community(rlo), worst_community(rhi)
            if len(coms) > 1 and rng.random() < 0.3 and e0 is not None and e1 is not None:
                c = between(rng, e0, e1)
                if c is not None:
                    rows.append(("optimize", "min_coverage_each", c))
            if rng.random() < 0.3:
                rows.append(("optimize", "fund_never_negative", 1))
                need = -min(lo["fund_min"], hi["fund_min"])
                if need > 0:
                    rows = [r for r in rows if r[:2] != ("fund", "initial")]
                    rows.append(("fund", "initial", round(need * rng.uniform(0.8, 1.6), 0)))
            if loan and rng.random() < 0.5 and hi["dscr_min"] is not None:
                rows.append(("optimize", "min_dscr", round(max(0.0, hi["dscr_min"]) * rng.uniform(0.3, 1.02), 4)))
            write_rows(path, rows)
    print("wrote %d scenarios to %s" % (n, outdir))


def main(argv):
    if len(argv) >= 5 and argv[1] == "gen":
        gen(argv[2], int(argv[3]), int(argv[4]))
        return 0
    if len(argv) >= 4 and argv[1] == "check":
        rtol = float(argv[argv.index("--rtol") + 1]) if "--rtol" in argv else 1e-6
        return check(argv[2], argv[3], rtol)
    print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
