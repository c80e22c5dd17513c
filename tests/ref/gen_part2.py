#!/usr/bin/env python3
"""Part-2 scenarios for gen_scenarios.py (`--features part2`).

    python3 gen_scenarios.py OUTDIR N SEED --features part2

writes OUTDIR/scen_000.csv ... (the scenarios to run), OUTDIR/tables/*.csv
(the tables they include; not scenarios) and OUTDIR/bases/*.csv (base files
of layered scenarios; they include ../tables/*.csv).  Same N and SEED give
the same files.  Every scenario sets runs,0 and is valid.

On top of everything part 1 generates (the part-1 lever generators are
reused), the files exercise:
- loans of every repayment kind, grace months, draws before and after the
  horizon, terms running past the horizon, zero and non-zero rates,
  term_years whose 12x is fractional (12 x 1.125 = 13.5 rounds to 14),
  disabled loans, loans built with `like`;
- one-off subsidies per unit / per kW / other's lump sum with lags of 0,
  a few months and past the horizon; per-kWh subsidies with subsidy_years 0
  and > 0 (also beyond the horizon);
- tax_rate on every lever kind; income_tax_rate with depreciation_years
  shorter and longer than the horizon, early capex so that early years make
  losses that carry forward;
- build_months of 0, short, long (capex parts past the horizon), with
  charger renewals;
- fund interest_rate / overdraft_rate with small or zero initial funds and
  large capex (so the balance changes sign), reserve;
- schedule rows KEY@Y on every scheduled key (steps inside and after the
  horizon, with growth), community ramp_start_month;
- templates: `like` chains, a chargers template with enabled,0 (sometimes
  lacking ports or community), copies in other communities, copies that
  override a plain key but keep the template's KEY@Y, phases, disabled
  copies, community / loan / grant copies;
- included tables (one section a row, KEY.low/.high/.dist/.note columns,
  header case, BOM, GBK, comment and blank rows), rows of the including file
  replacing included rows ("decoy" values below the winning row), sections
  split between a table and the file, two tables per file, base files with
  their own tables;
- scenario start (often mid-year), stabilized_year pins, disabled levers,
  the optimiser's keys (read and ignored by the base case).
"""

import csv
import io
import os
import random

import gen_scenarios as G

SCHED = {
    "community": ("fee_rate", "cost_annual"),
    "shops": ("rent", "master_rent"),
    "parking": ("fee",),
    "chargers": ("price_per_session", "price_per_kwh", "electricity_cost"),
    "other": ("income",),
}
# typical magnitudes for a scheduled key that has no plain row
TYPICAL = {"master_rent": 10.0, "price_per_session": 1.5, "price_per_kwh": 1.2,
           "electricity_cost": 0.6}

FRACTION_KEYS = {"collection_start", "collection_target", "occupancy_start", "occupancy_target",
                 "utilization_start", "utilization_target", "share_out", "opex_rate",
                 "tax_rate", "income_tax_rate", "confidence"}
BOOL_KEYS = {"enabled", "optional", "fund_never_negative"}

CHINESE_NOTES = ["报告：盘活闲置商铺35间", "假设：统租统管", "池店镇充电桩", "美好家园基金",
                 "专项债", "假设：先享后买"]


def rows_of(w, sec):
    return [r for r in w.rows if r.get("section") == sec]


def get(w, sec, key, default=None):
    for r in w.rows:
        if r.get("section") == sec and r.get("key") == key:
            v = r["value"]
            try:
                return float(v[:-1]) / 100 if v.endswith("%") else float(v)
            except ValueError:
                return v
    return default


def drop(w, sec, key):
    w.rows = [r for r in w.rows if not (r.get("section") == sec and r.get("key") == key)]


def set_row(w, sec, key, value, **kw):
    drop(w, sec, key)
    w.add(sec, key, value, **kw)


def loan_months(term):
    """round(12 * term_years), half away from zero"""
    x = 12 * term
    return int(x + 0.5)


# ---------------------------------------------------------------------------
# Part-2 keys of one section
# ---------------------------------------------------------------------------

def add_steps(rng, w, sec, key, horizon, p=0.35):
    """Schedule rows KEY@Y (some after the horizon)."""
    if rng.random() >= p:
        return
    base = get(w, sec, key)
    if not isinstance(base, float):
        base = TYPICAL.get(key, 1.0)
    years = sorted(rng.sample(range(2, horizon + 4), min(horizon + 2, rng.choice([1, 1, 2, 3]))))
    for y in years:
        v = base * rng.uniform(0.6, 1.6) if base > 0 else TYPICAL.get(key, 1.0) * rng.uniform(0.5, 1.5)
        w.add(sec, "%s@%d" % (key, y), round(v, 4), unc=True)


def community_extras(rng, w, sec, horizon):
    M = 12 * horizon
    c = rng.random()
    if c < 0.25:
        w.add(sec, "ramp_start_month", rng.randint(2, max(2, min(M, 36))))
    elif c < 0.3:
        w.add(sec, "ramp_start_month", M + rng.randint(1, 6))  # after the horizon
    elif c < 0.35:
        w.add(sec, "ramp_start_month", 1)
    for key in SCHED["community"]:
        add_steps(rng, w, sec, key, horizon)
    if rng.random() < 0.1:
        w.add(sec, "space_m2", round(rng.uniform(200, 15000), 1))


def lever_extras(rng, w, sec, kind, horizon):
    M = 12 * horizon
    # building time
    c = rng.random()
    if c < 0.35:
        w.add(sec, "build_months", rng.choice([1, 2, 3, 4, 6, 9, 12, 18]))
    elif c < 0.42:
        w.add(sec, "build_months", rng.randint(max(1, M // 2), M + 12))  # parts past the horizon
    elif c < 0.47:
        w.add(sec, "build_months", 0)
    # turnover taxes
    if rng.random() < 0.55:
        w.add(sec, "tax_rate", rng.choice([0.03, 0.05, 0.06, 0.09, 0.12, 0.0672, 0.1,
                                           round(rng.uniform(0, 0.2), 4)]), frac=True)
    # one-off subsidies
    units = {"shops": "count", "parking": "spaces", "chargers": "ports"}.get(kind)
    if rng.random() < 0.5:
        if kind == "other":
            w.add(sec, "subsidy", round(rng.uniform(1e4, 3e5)), unc=True)
        else:
            per = {"shops": (1000, 8000), "parking": (200, 6000), "chargers": (150, 15000)}[kind]
            w.add(sec, "subsidy_per_unit", round(rng.uniform(*per), 2), unc=True)
    if kind == "chargers":
        if rng.random() < 0.45:
            kw = rng.choice([0.5, 1.0, 7.0, 7.0, 11.0, 60.0, 120.0])
            w.add(sec, "kw_per_port", kw)
            if rng.random() < 0.85:
                w.add(sec, "subsidy_per_kw", round(rng.uniform(80, 600), 2))
        if rng.random() < 0.45:
            w.add(sec, "subsidy_per_kwh", round(rng.uniform(0.03, 0.25), 4))
            c = rng.random()
            if c < 0.35:
                w.add(sec, "subsidy_years", 0)
            elif c < 0.8:
                w.add(sec, "subsidy_years", rng.choice([0.5, 1, 1.5, 2, 3, 5, 1.125]))
            else:
                w.add(sec, "subsidy_years", horizon + rng.randint(1, 5))
    if get(w, sec, "subsidy_per_unit") or get(w, sec, "subsidy") or get(w, sec, "subsidy_per_kw") \
            or rng.random() < 0.1:
        c = rng.random()
        if c < 0.45:
            w.add(sec, "subsidy_lag_months", rng.choice([0, 1, 3, 6, 12, 18, 24]))
        elif c < 0.6:
            w.add(sec, "subsidy_lag_months", M + rng.randint(0, 24))  # ignored: past the horizon
    # depreciation
    if rng.random() < 0.4:
        w.add(sec, "depreciation_years", rng.choice([1, 2.5, 3, 5, 8, 10, 20,
                                                     horizon + rng.randint(1, 10),
                                                     round(rng.uniform(0.5, 30), 2)]))
    # schedules
    for key in SCHED[kind]:
        add_steps(rng, w, sec, key, horizon)
    # the optimiser's keys
    if rng.random() < 0.15:
        if kind == "other":
            w.add(sec, "optional", rng.choice([0, 1]))
        else:
            n = int(get(w, sec, units, 10))
            lo = rng.randint(0, n)
            if rng.random() < 0.5:
                w.add(sec, "size_min", lo)
            w.add(sec, "size_max", max(1, lo, n + rng.randint(0, n)))
        if rng.random() < 0.7:
            w.add(sec, "space_per_unit", round(rng.uniform(1, 40), 2))


def gen_loan(rng, w, name, horizon, total_capex):
    sec = "loan:" + name
    M = 12 * horizon
    scale = max(total_capex, 2e5)
    w.add(sec, "amount", round(scale * rng.uniform(0.2, 1.2) if rng.random() < 0.8
                               else rng.uniform(1e4, 5e6)), unc=True)
    c = rng.random()
    if c < 0.5:
        d = 1 if rng.random() < 0.5 else None
    elif c < 0.85:
        d = rng.randint(2, max(2, M))
    else:
        d = M + rng.randint(1, 24)  # drawn after the horizon: ignored
    if d is not None:
        w.add(sec, "month", d)
    if rng.random() < 0.8:
        w.add(sec, "rate", rng.choice([0.0, 0.0, 0.03, 0.035, 0.042, 0.049, 0.06,
                                       round(rng.uniform(0.01, 0.09), 4)]), frac=True)
    term = rng.choice([1, 2, 3, 5, 8, 10, 15, 20, 30, 1.5, 2.25, 1.125, 0.5,
                       horizon + rng.randint(1, 10)])
    w.add(sec, "term_years", term)
    n = loan_months(term)
    if rng.random() < 0.5:
        w.add(sec, "grace_months", rng.choice([0, 1, min(n - 1, 6), min(n - 1, 12),
                                               min(n - 1, 24), n - 1]))
    rep = rng.choice(["annuity", "equal_principal", "bullet", None])
    if rep:
        w.add(sec, "repayment", rep)
    return sec


def gen_fund(rng, w, horizon, total_capex):
    c = rng.random()
    if c < 0.4:
        w.add("fund", "initial", round(rng.uniform(0, 3e6)))
    elif c < 0.6:
        w.add("fund", "initial", round(total_capex * rng.uniform(0.05, 0.5)))  # goes negative
    elif c < 0.7:
        w.add("fund", "initial", 0)
    if rng.random() < 0.55:
        w.add("fund", "interest_rate", rng.choice([0.0035, 0.015, 0.02, 0.025,
                                                   round(rng.uniform(0, 0.04), 4)]), frac=True)
    if rng.random() < 0.55:
        w.add("fund", "overdraft_rate", rng.choice([0.0435, 0.05, 0.06, 0.08,
                                                    round(rng.uniform(0, 0.12), 4)]), frac=True)
    if rng.random() < 0.45:
        w.add("fund", "reserve", rng.choice([0, round(rng.uniform(1e4, 1e6))]))


def gen_optimize(rng, w, horizon):
    sec = "optimize"
    if rng.random() < 0.6:
        w.add(sec, "space_m2", round(rng.uniform(500, 15000), 2))
    if rng.random() < 0.6:
        w.add(sec, "budget", round(rng.uniform(1e5, 5e6)))
        if rng.random() < 0.5:
            w.add(sec, "budget_years", rng.randint(1, horizon))
    if rng.random() < 0.7:
        w.add(sec, "objective", rng.choice(["npv", "npv_equity", "fund_end", "fund_min",
                                            "net_income_stabilized"]))
    if rng.random() < 0.4:
        w.add(sec, "min_coverage", round(rng.uniform(0.3, 1.2), 2))
    if rng.random() < 0.3:
        w.add(sec, "min_coverage_each", round(rng.uniform(0.3, 1.0), 2))
    if rng.random() < 0.4:
        w.add(sec, "fund_never_negative", rng.choice([0, 1]))
    if rng.random() < 0.3:
        w.add(sec, "min_dscr", round(rng.uniform(1.0, 1.5), 2))
    if rng.random() < 0.4:
        w.add(sec, "samples", rng.choice([0, 50, 200]))
    if rng.random() < 0.3:
        w.add(sec, "confidence", rng.choice([0.8, 0.9, 0.95]), frac=True)


def lever_capex_estimate(w, sec, kind):
    g = lambda k, d=0.0: (get(w, sec, k, d) if isinstance(get(w, sec, k, d), float) else d)
    if kind == "shops":
        return g("fitout_capex") * g("count")
    if kind == "parking":
        return g("capex_per_space") * g("spaces")
    if kind == "chargers":
        return g("capex_per_port") * g("ports")
    return g("capex")


# ---------------------------------------------------------------------------
# One scenario (all its rows, before they are laid out in files)
# ---------------------------------------------------------------------------

def gen_rows(rng, idx):
    w = G.Writer(rng, pct_prob=rng.choice([0.0, 0.3, 0.7]))
    horizon = rng.choice([1, 2, 3, 5, 8, 10, 10, 12, 15, 20, rng.randint(1, 25)])
    M = 12 * horizon
    w.add("scenario", "name", "part-2 scenario %03d" % idx)
    if rng.random() < 0.75:
        month = rng.choice([1, rng.randint(2, 12), rng.randint(2, 12), 7, 12])
        w.add("scenario", "start", "%04d-%02d" % (rng.randint(2023, 2027), month))
    w.add("scenario", "horizon_years", horizon)
    if rng.random() < 0.8:
        w.add("scenario", "discount_rate", rng.choice([0.0, 0.03, 0.05, 0.06, 0.08,
                                                        round(rng.uniform(0, 0.15), 4)]), frac=True)
    w.add("scenario", "runs", 0)
    if rng.random() < 0.65:
        w.add("scenario", "income_tax_rate", rng.choice([0.25, 0.25, 0.2, 0.15, 0.05, 0.0,
                                                          round(rng.uniform(0, 0.4), 4)]), frac=True)
    if rng.random() < 0.25:
        w.add("scenario", "stabilized_year", rng.choice([1, horizon, rng.randint(1, horizon)]))

    ncomm = rng.choice([1, 1, 2, 3])
    communities = ["c%d_%s" % (i + 1, rng.choice(["yongfengli", "chidian", "east-gate", "Block7"]))
                   for i in range(ncomm)]
    for c in communities:
        G.gen_community(rng, w, c)
        community_extras(rng, w, "community:" + c, horizon)
    if ncomm >= 2 and rng.random() < 0.3:
        # a community copied from another one, with its own area and cost
        tmpl = "community:" + communities[0]
        cname = "c%d_copy" % (ncomm + 1)
        sec = "community:" + cname
        w.add(sec, "like", tmpl)
        w.add(sec, "area_m2", round(rng.uniform(8000, 80000)))
        if rng.random() < 0.5:
            w.add(sec, "cost_annual", round(get(w, tmpl, "cost_annual") * rng.uniform(0.5, 1.5)))
        if rng.random() < 0.4:
            w.add(sec, "fee_rate@%d" % rng.randint(2, horizon + 2), round(rng.uniform(0.3, 2.0), 2))
        communities.append(cname)

    # a heavy capex profile is more common here, so that early years make losses
    profile = rng.choice(["none", "small", "payback", "payback", "payback", "never"])
    kinds = list(G.GENERATORS)
    nlev = rng.randint(1, 5)
    chosen = kinds[:] if rng.random() < 0.4 else []
    while len(chosen) < nlev:
        chosen.append(rng.choice(kinds))
    rng.shuffle(chosen)
    names = []  # (kind, name)
    for i, k in enumerate(chosen):
        name = "%s_%d" % (k[:3], i + 1)
        names.append((k, name))
        G.GENERATORS[k](rng, w, name, communities, horizon, profile)
        lever_extras(rng, w, "%s:%s" % (k, name), k, horizon)

    # a chargers template meant only to be copied, and its copies
    if rng.random() < 0.5:
        tw = G.Writer(rng, pct_prob=w.pct_prob)
        G.gen_chargers(rng, tw, "tpl", communities, horizon, profile)
        lever_extras(rng, tw, "chargers:tpl", "chargers", horizon)
        tw.rows = [r for r in tw.rows if r["key"] not in ("start_month", "enabled")]
        if rng.random() < 0.4:
            tw.rows = [r for r in tw.rows if r["key"] != "ports"]
        lacks_community = len(communities) > 1 and rng.random() < 0.6
        if lacks_community:
            tw.rows = [r for r in tw.rows if r["key"] != "community"]
        for r in tw.rows:
            r["section"] = "chargers:tpl_price"
        w.rows.extend(tw.rows)
        w.add("chargers:tpl_price", "enabled", 0)
        for j in range(rng.randint(1, 3)):
            sec = "chargers:tplcopy_%d" % (j + 1)
            w.add(sec, "like", "chargers:tpl_price")
            if lacks_community or rng.random() < 0.6:
                w.add(sec, "community", rng.choice(communities))
            w.add(sec, "ports", rng.randint(2, 200))
            if rng.random() < 0.5:
                w.add(sec, "start_month", rng.randint(1, max(1, M)))
            if rng.random() < 0.3:
                # overrides the plain price but keeps the template's price steps
                w.add(sec, "price_per_kwh", round(rng.uniform(0.8, 1.8), 3))
            if rng.random() < 0.2:
                w.add(sec, "build_months", rng.randint(0, 12))
            if rng.random() < 0.15:
                w.add(sec, "enabled", 0)
            names.append(("chargers", "tplcopy_%d" % (j + 1)))

    # phases: later sections `like` an earlier one (chains)
    if names and rng.random() < 0.45:
        k, name = rng.choice(names)
        prev = "%s:%s" % (k, name)
        start = get(w, prev, "start_month", 1.0)
        start = int(start) if isinstance(start, float) else 1
        for p in range(rng.randint(1, 3)):
            sec = "%s:%s_ph%d" % (k, name, p + 2)
            w.add(sec, "like", prev)
            start = start + rng.randint(3, 36)
            w.add(sec, "start_month", start)
            unit = {"shops": "count", "parking": "spaces", "chargers": "ports"}.get(k)
            if unit and rng.random() < 0.7:
                w.add(sec, unit, rng.randint(1, 60))
            elif k == "other" and rng.random() < 0.5:
                w.add(sec, "income", round(rng.uniform(500, 20000), 2))
            if rng.random() < 0.3:
                sk = rng.choice(SCHED[k])
                base = get(w, "%s:%s" % (k, name), sk)
                if not isinstance(base, float) or base <= 0:
                    base = TYPICAL.get(sk, 1.0)
                w.add(sec, "%s@%d" % (sk, rng.randint(2, horizon + 2)),
                      round(base * rng.uniform(0.5, 2.0), 3))
            if len(communities) > 1 and rng.random() < 0.3:
                w.add(sec, "community", "community:" + rng.choice(communities))
            names.append((k, "%s_ph%d" % (name, p + 2)))
            prev = sec

    # disabled levers (a disabled lever may still be a template of a phase)
    if len(names) > 1 and rng.random() < 0.3:
        k, name = rng.choice(names)
        set_row(w, "%s:%s" % (k, name), "enabled", 0)
    elif rng.random() < 0.15:
        k, name = rng.choice(names)
        set_row(w, "%s:%s" % (k, name), "enabled", 1)

    total_capex = sum(lever_capex_estimate(w, "%s:%s" % (k, n), k) for k, n in names)

    # loans
    nloan = rng.choice([0, 1, 1, 2, 3])
    loans = []
    for j in range(nloan):
        loans.append(gen_loan(rng, w, "l%d" % (j + 1), horizon, total_capex))
    if loans and rng.random() < 0.25:
        sec = "loan:l%d_copy" % (len(loans) + 1)
        w.add(sec, "like", rng.choice(loans))
        w.add(sec, "month", rng.randint(1, M + 6))
        if rng.random() < 0.5:
            w.add(sec, "repayment", rng.choice(["annuity", "equal_principal", "bullet"]))
            # keep grace < term: a copy may change the term only together with the grace
        loans.append(sec)
    if loans and rng.random() < 0.2:
        set_row(w, rng.choice(loans), "enabled", 0)

    gen_fund(rng, w, horizon, total_capex)
    grants = []
    for j in range(rng.choice([0, 0, 1, 2, 3])):
        g = "grant:g%d" % (j + 1)
        w.add(g, "amount", round(rng.uniform(1e4, 2e6)))
        if rng.random() < 0.7:
            w.add(g, "month", rng.randint(1, M + (12 if rng.random() < 0.2 else 0)))
        grants.append(g)
    if grants and rng.random() < 0.25:
        w.add("grant:g_copy", "like", grants[0])
        w.add("grant:g_copy", "month", rng.randint(1, M))

    if rng.random() < 0.15:
        gen_optimize(rng, w, horizon)

    for r in w.rows:
        if rng.random() < 0.04:
            r["note"] = rng.choice(CHINESE_NOTES)
    return w


# ---------------------------------------------------------------------------
# Laying the rows out in files: own file, included tables, base file
# ---------------------------------------------------------------------------

def decoy(r):
    """A different but valid value for a row that a higher layer replaces;
    None when the row gets no decoy."""
    key, v = r["key"], r["value"]
    if key in ("ramp_shape",):
        return "linear" if v != "linear" else "logistic"
    if key == "repayment":
        return "bullet" if v != "bullet" else "annuity"
    if key in ("name", "base", "start", "community", "kind", "like", "households", "objective",
               "stabilized_year", "grace_months", "horizon_years", "runs"):
        return None
    try:
        x = float(v[:-1]) / 100 if v.endswith("%") else float(v)
    except ValueError:
        return None
    if key in BOOL_KEYS:
        return str(1 - int(x))
    if key in FRACTION_KEYS:
        return G.Writer.num(x * 0.5)
    if key.endswith("growth"):
        return G.Writer.num(x + 0.01)
    if "." not in v and "%" not in v:
        return str(int(x) + 1)
    return G.Writer.num(x * 1.5 + 1)


def table_text(rng, secrows):
    """An include table: header `section,KEY,...` (+ KEY.low/.high/.dist/.note),
    one row per section."""
    cols = []
    extras = {}
    for sec, rows in secrows.items():
        for r in rows:
            if r["key"] not in cols:
                cols.append(r["key"])
            for s in ("low", "high", "dist", "note"):
                if r.get(s):
                    extras.setdefault(r["key"], [])
                    if s not in extras[r["key"]]:
                        extras[r["key"]].append(s)
    header = []
    tail = []
    for k in cols:
        header.append(k)
        for s in extras.get(k, []):
            (tail if rng.random() < 0.3 else header).append("%s.%s" % (k, s))
    header += tail
    if rng.random() < 0.2:
        rng.shuffle(header)
    first = rng.choice(["section", "section", "Section", "SECTION"])
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator=rng.choice(["\n", "\n", "\r\n"]))
    wr.writerow([first] + header)
    lines = []
    for sec, rows in secrows.items():
        cells = {}
        for r in rows:
            cells[r["key"]] = r["value"]
            for s in ("low", "high", "dist", "note"):
                if r.get(s):
                    cells["%s.%s" % (r["key"], s)] = r[s]
        lines.append([sec] + [cells.get(h, "") for h in header])
    if rng.random() < 0.3:
        lines.insert(rng.randint(0, len(lines)), [""] * (len(header) + 1))
    if rng.random() < 0.3:
        lines.insert(rng.randint(0, len(lines)), ["# a comment row"] + [""] * len(header))
    for ln in lines:
        wr.writerow(ln)
    return buf.getvalue()


def encode(rng, text, allow_gbk=True):
    """UTF-8, UTF-8 with BOM, or GBK (only when the text needs it)."""
    c = rng.random()
    if allow_gbk and c < 0.2 and any(ord(ch) > 127 for ch in text):
        return text.encode("gbk")
    if c < 0.45:
        return ("\ufeff" + text).encode("utf-8")
    return text.encode("utf-8")


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


def layout(rng, w, idx, outdir):
    """Assign each row a home layer and optional decoys in lower layers.
    Layers: 0 base's table, 1 base's own rows, 2 this file's tables (t1, t2),
    3 this file's own rows.  Returns the main file's text (bytes)."""
    mode = rng.choice(["plain", "plain", "tables", "tables", "tables", "base", "base+tables"])
    levels = {"plain": [3], "tables": [2, 3], "base": [1, 3], "base+tables": [0, 1, 2, 3]}[mode]
    if mode == "base+tables" and rng.random() < 0.3:
        levels = [0, 1, 3]
    secs = []
    for r in w.rows:
        if r["section"] not in secs:
            secs.append(r["section"])
    layers = {0: [], 1: [], 2: [[], []], 3: []}

    def put(level, tab, row):
        if level == 2:
            layers[2][tab].append(row)
        else:
            layers[level].append(row)

    for sec in secs:
        rows = [r for r in w.rows if r["section"] == sec]
        if sec == "scenario":
            home_choices = [l for l in levels if l in (1, 3)]
        else:
            home_choices = levels
        home = rng.choice(home_choices)
        tab = rng.randint(0, 1) if rng.random() < 0.4 else 0
        for r in rows:
            h = home
            if sec == "scenario" and r["key"] in ("discount_rate", "income_tax_rate", "currency") \
                    and 2 in levels and rng.random() < 0.3:
                h = 2
            elif rng.random() < 0.15:
                higher = [l for l in levels if l > h]
                if higher:
                    h = rng.choice(higher)
            put(h, tab, r)
            lower = [l for l in levels if l < h and not (sec == "scenario" and l in (0, 2)
                                                          and r["key"] in ("base", "include"))]
            if lower and rng.random() < 0.2:
                dv = decoy(r)
                if dv is not None:
                    dr = {"section": sec, "key": r["key"], "value": dv}
                    if rng.random() < 0.3:
                        dr["note"] = "replaced by a higher layer"
                    put(rng.choice(lower), tab, dr)

    os.makedirs(os.path.join(outdir, "tables"), exist_ok=True)
    own = G.Writer(rng, 0.0)
    own.rows = []
    # this file's tables
    for t in (0, 1):
        rows = layers[2][t]
        if not rows:
            continue
        fname = "scen_%03d_t%d.csv" % (idx, t + 1)
        secrows = {}
        for r in rows:
            secrows.setdefault(r["section"], []).append(r)
        write_bytes(os.path.join(outdir, "tables", fname), encode(rng, table_text(rng, secrows)))
        own.rows.append({"section": "scenario", "key": "include", "value": "tables/" + fname})
    # the base file (with its own table)
    if layers[0] or layers[1]:
        os.makedirs(os.path.join(outdir, "bases"), exist_ok=True)
        bw = G.Writer(rng, 0.0)
        bw.rows = list(layers[1])
        if layers[0]:
            fname = "scen_%03d_bt.csv" % idx
            secrows = {}
            for r in layers[0]:
                secrows.setdefault(r["section"], []).append(r)
            write_bytes(os.path.join(outdir, "tables", fname), encode(rng, table_text(rng, secrows)))
            bw.rows.insert(rng.randint(0, len(bw.rows)),
                           {"section": "scenario", "key": "include", "value": "../tables/" + fname})
        bname = "scen_%03d_base.csv" % idx
        text = bw.text(rng.choice(G.COLUMN_SETS[1:]), comments=rng.random() < 0.5)
        write_bytes(os.path.join(outdir, "bases", bname), encode(rng, text))
        own.rows.insert(0, {"section": "scenario", "key": "base", "value": "bases/" + bname})
    own.rows.extend(layers[3])
    if rng.random() < 0.3:
        head = [r for r in own.rows if r["section"] == "scenario" and r["key"] in ("base", "include")]
        rest = [r for r in own.rows if r not in head]
        rng.shuffle(rest)
        own.rows = head + rest
        if rng.random() < 0.5:
            rng.shuffle(own.rows)  # `scenario,base` and `include` may stand anywhere
    cols = rng.choice(G.COLUMN_SETS)
    text = own.text(cols, comments=rng.random() < 0.5, bom=False)
    return encode(rng, text, allow_gbk="note" in cols)


def generate(outdir, n, seed):
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    for i in range(n):
        w = gen_rows(rng, i)
        data = layout(rng, w, i, outdir)
        write_bytes(os.path.join(outdir, "scen_%03d.csv" % i), data)
    return 0
