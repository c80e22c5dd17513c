#!/usr/bin/env python3
"""Generate random but valid revsim scenario CSVs for cross-checking.

Usage:  python3 gen_scenarios.py OUTDIR N SEED [--features part1|part2]

Writes OUTDIR/scen_000.csv ... scen_{N-1}.csv.  Same SEED -> same files.
`--features part1` (the default) writes exactly the files this script has
always written; `--features part2` writes scenarios that also exercise every
part-2 key of MODEL.md (see gen_part2.py), with their included tables in
OUTDIR/tables/ and their base files in OUTDIR/bases/.
Every file sets `scenario,runs,0` so the simulator under test only computes
the base case (some rows still carry low/high/dist columns, which must be
accepted and ignored by the base case).

Scenarios exercise: 1-3 communities (collection ramps, fee/cost growth,
linear and logistic shapes), all lever kinds (shops with rent_free_months,
master_rent, uplift; parking; chargers with life_years renewal, per-session
and per-kWh pricing, electricity; other), start_month > 1, ramp_months
0/1/other, share_out, opex, fund initial, grants, horizons 1-25 years,
discount rates, percent values, disabled levers, comment/blank rows, shuffled
and extra columns, a UTF-8 BOM, and variants built on a base file with
`scenario,base,FILE`.  The capex "profile" of each file is picked so that
some pay back (cumulative cf goes negative then positive), some never pay
back, and some have no capex at all.
"""

import os
import random
import sys

COLUMN_SETS = [
    ["section", "key", "value"],
    ["section", "key", "value", "low", "high", "unit", "note"],
    ["key", "value", "section", "note"],
    ["note", "section", "unit", "value", "key", "dist", "low", "high", "extra"],
]


class Writer:
    def __init__(self, rng, pct_prob):
        self.rng = rng
        self.pct_prob = pct_prob
        self.rows = []  # dicts

    @staticmethod
    def num(x, nd=6):
        t = "%.*f" % (nd, x)
        if "." in t:
            t = t.rstrip("0").rstrip(".")
        return t

    def add(self, section, key, value, frac=False, unc=False, unit="", note=""):
        """value: number or str.  frac=True -> may be written as a percent."""
        row = {"section": section, "key": key, "unit": unit, "note": note}
        if isinstance(value, str):
            row["value"] = value
        elif isinstance(value, int):
            row["value"] = str(value)
        elif frac and self.rng.random() < self.pct_prob:
            row["value"] = self.num(value * 100, 4) + "%"
            value = round(value * 100, 4) / 100
        else:
            value = float(self.num(value))
            row["value"] = self.num(value)
        if unc and not isinstance(value, str) and value > 0 and self.rng.random() < 0.5:
            lo, hi = value * self.rng.uniform(0.6, 0.95), value * self.rng.uniform(1.05, 1.4)
            if frac:
                hi = min(hi, 1.0)
            if lo < value < hi:
                row["low"], row["high"] = self.num(lo), self.num(hi)
                row["dist"] = self.rng.choice(["", "triangular", "uniform", "pert"])
        self.rows.append(row)

    def text(self, columns, comments=True, bom=False):
        lines = [",".join(columns)]
        rows = list(self.rows)
        if comments:
            for _ in range(self.rng.randint(1, 3)):
                pos = self.rng.randint(0, len(rows))
                rows.insert(pos, self.rng.choice([{"section": "# a comment row", "key": "x", "value": "y"},
                                                  {"section": "#", "key": "", "value": ""},
                                                  {}, None]))
        for r in rows:
            if r is None:  # a truly blank line
                lines.append("")
                continue
            cells = []
            for c in columns:
                v = r.get(c, "")
                if c == "note" and "section" in r and r["section"] and not v and self.rng.random() < 0.1:
                    v = "note, with comma"
                if "," in v or '"' in v:
                    v = '"' + v.replace('"', '""') + '"'
                cells.append(v)
            lines.append(",".join(cells))
        out = "\n".join(lines) + "\n"
        return ("\ufeff" if bom else "") + out


def ramp(rng):
    return rng.choice([0, 1, rng.randint(2, 36)])


def shape(rng, w, sec):
    c = rng.random()
    if c < 0.4:
        w.add(sec, "ramp_shape", "linear")
    elif c < 0.7:
        w.add(sec, "ramp_shape", "logistic")
    # else default (logistic)


def gen_community(rng, w, name):
    sec = "community:" + name
    area = rng.uniform(8000, 150000)
    fee_rate = rng.uniform(0.3, 2.0)
    cstart = rng.uniform(0.3, 0.85)
    w.add(sec, "area_m2", round(area), unc=True, unit="m2")
    w.add(sec, "fee_rate", round(fee_rate, 2), unc=True)
    w.add(sec, "collection_start", round(cstart, 3), frac=True)
    if rng.random() < 0.75:
        w.add(sec, "collection_target", round(rng.uniform(cstart, 0.98), 3), frac=True)
        w.add(sec, "ramp_months", ramp(rng))
        shape(rng, w, sec)
    cost = area * fee_rate * 12 * rng.uniform(0.7, 1.6)
    w.add(sec, "cost_annual", round(cost), unc=True)
    if rng.random() < 0.5:
        w.add(sec, "fee_growth", round(rng.uniform(0, 0.04), 4), frac=True)
    if rng.random() < 0.6:
        w.add(sec, "cost_growth", round(rng.uniform(0, 0.05), 4), frac=True)
    if rng.random() < 0.5:
        w.add(sec, "households", rng.randint(100, 2000))
    return area * fee_rate * 12


def common(rng, w, sec, communities, horizon):
    if len(communities) > 1 or rng.random() < 0.3:
        w.add(sec, "community", rng.choice(communities))
    c = rng.random()
    if c < 0.35:
        w.add(sec, "start_month", rng.randint(2, max(2, 12 * horizon)))
    elif c < 0.38:
        w.add(sec, "start_month", 12 * horizon + rng.randint(1, 12))  # after the horizon
    elif c < 0.45:
        w.add(sec, "start_month", 1)
    if rng.random() < 0.4:
        w.add(sec, "share_out", round(rng.uniform(0, 0.5), 3), frac=True)


def capex_scale(profile, rng):
    return {"none": 0.0, "small": rng.uniform(0.1, 0.6), "payback": rng.uniform(0.8, 3.0),
            "never": rng.uniform(30, 80)}[profile]


def gen_shops(rng, w, name, communities, horizon, profile):
    sec = "shops:" + name
    count, area, rent = rng.randint(3, 40), rng.uniform(15, 120), rng.uniform(15, 90)
    w.add(sec, "count", count)
    w.add(sec, "area_m2", round(area, 1))
    w.add(sec, "rent", round(rent, 2), unc=True)
    if rng.random() < 0.7:
        w.add(sec, "rent_uplift", round(rng.uniform(0, 0.8), 3), frac=True, unc=True)
    if rng.random() < 0.5:
        w.add(sec, "rent_growth", round(rng.uniform(0, 0.05), 4), frac=True)
    if rng.random() < 0.6:
        w.add(sec, "occupancy_start", round(rng.uniform(0, 0.4), 3), frac=True)
    w.add(sec, "occupancy_target", round(rng.uniform(0.5, 1.0), 3), frac=True, unc=True)
    if rng.random() < 0.7:
        w.add(sec, "ramp_months", ramp(rng))
    shape(rng, w, sec)
    if rng.random() < 0.6:
        w.add(sec, "rent_free_months", rng.randint(0, 6))
    if rng.random() < 0.6:
        w.add(sec, "master_rent", round(rent * rng.uniform(0.1, 0.5), 2))
        if rng.random() < 0.5:
            w.add(sec, "master_growth", round(rng.uniform(0, 0.05), 4), frac=True)
    annual = count * area * rent * 12
    if profile != "none":
        w.add(sec, "fitout_capex", round(annual * capex_scale(profile, rng) / count))
    if rng.random() < 0.5:
        w.add(sec, "opex_rate", round(rng.uniform(0, 0.2), 3), frac=True)
    if rng.random() < 0.5:
        w.add(sec, "opex_fixed", round(rng.uniform(0, 0.05) * annual / 12))
    common(rng, w, sec, communities, horizon)


def gen_parking(rng, w, name, communities, horizon, profile):
    sec = "parking:" + name
    kind = rng.choice(["car", "ebike"])
    spaces = rng.randint(20, 1000)
    fee = rng.uniform(80, 350) if kind == "car" else rng.uniform(8, 40)
    if rng.random() < 0.8:
        w.add(sec, "kind", kind)
    w.add(sec, "spaces", spaces)
    w.add(sec, "fee", round(fee, 2), unc=True)
    if rng.random() < 0.4:
        w.add(sec, "fee_growth", round(rng.uniform(0, 0.04), 4), frac=True)
    if rng.random() < 0.6:
        w.add(sec, "utilization_start", round(rng.uniform(0, 0.5), 3), frac=True)
    if rng.random() < 0.7:
        w.add(sec, "utilization_target", round(rng.uniform(0.5, 1.0), 3), frac=True)
    if rng.random() < 0.7:
        w.add(sec, "ramp_months", ramp(rng))
    shape(rng, w, sec)
    annual = spaces * fee * 12
    if profile != "none":
        w.add(sec, "capex_per_space", round(annual * capex_scale(profile, rng) / spaces, 2))
    if rng.random() < 0.5:
        w.add(sec, "opex_per_space", round(fee * rng.uniform(0, 0.15), 2))
    if rng.random() < 0.4:
        w.add(sec, "opex_rate", round(rng.uniform(0, 0.15), 3), frac=True)
    common(rng, w, sec, communities, horizon)


def gen_chargers(rng, w, name, communities, horizon, profile):
    sec = "chargers:" + name
    kind = rng.choice(["ebike", "ev_ac", "ev_dc"])
    ports = rng.randint(5, 400) if kind == "ebike" else rng.randint(2, 60)
    if rng.random() < 0.8:
        w.add(sec, "kind", kind)
    w.add(sec, "ports", ports)
    target = rng.uniform(0.5, 4.0) if kind == "ebike" else rng.uniform(0.5, 8.0)
    if rng.random() < 0.5:
        w.add(sec, "sessions_start", round(rng.uniform(0, target), 3))
    w.add(sec, "sessions_target", round(target, 3), unc=True)
    if rng.random() < 0.7:
        w.add(sec, "ramp_months", ramp(rng))
    shape(rng, w, sec)
    kwh = rng.uniform(0.5, 1.5) if kind == "ebike" else rng.uniform(8, 45)
    pricing = rng.choice(["session", "kwh", "both"])
    pps = ppk = 0.0
    if pricing in ("session", "both"):
        pps = round(rng.uniform(0.5, 3.0) if kind == "ebike" else rng.uniform(1, 10), 2)
        w.add(sec, "price_per_session", pps)
    if pricing in ("kwh", "both"):
        ppk = round(rng.uniform(0.8, 1.8), 3)
        w.add(sec, "price_per_kwh", ppk, unc=True)
    if pricing != "session" or rng.random() < 0.7:
        w.add(sec, "kwh_per_session", round(kwh, 2))
    else:
        kwh = 0.0
    if rng.random() < 0.8:
        w.add(sec, "electricity_cost", round(rng.uniform(0.4, 0.9), 3), unc=True)
        if rng.random() < 0.4:
            w.add(sec, "electricity_growth", round(rng.uniform(0, 0.04), 4), frac=True)
    if rng.random() < 0.4:
        w.add(sec, "price_growth", round(rng.uniform(0, 0.03), 4), frac=True)
    annual = ports * target * 365 * (pps + kwh * ppk)
    if profile != "none":
        w.add(sec, "capex_per_port", round(annual * capex_scale(profile, rng) / ports, 2))
    if rng.random() < 0.6:
        life = rng.randint(1, 10) + rng.choice([0, 0, 0.5])
        if rng.random() < 0.1:
            life = 0.5
        w.add(sec, "life_years", life if life != int(life) else int(life))
    if rng.random() < 0.5:
        w.add(sec, "opex_per_port", round(rng.uniform(0, 30 if kind == "ebike" else 200), 2))
    if rng.random() < 0.4:
        w.add(sec, "opex_rate", round(rng.uniform(0, 0.15), 3), frac=True)
    common(rng, w, sec, communities, horizon)


def gen_other(rng, w, name, communities, horizon, profile):
    sec = "other:" + name
    income = rng.uniform(500, 40000)
    w.add(sec, "income", round(income, 2), unc=True)
    if rng.random() < 0.5:
        w.add(sec, "growth", round(rng.uniform(0, 0.05), 4), frac=True)
    if rng.random() < 0.7:
        w.add(sec, "ramp_months", ramp(rng))
    shape(rng, w, sec)
    if profile != "none":
        w.add(sec, "capex", round(income * 12 * capex_scale(profile, rng)))
    if rng.random() < 0.5:
        w.add(sec, "opex_fixed", round(income * rng.uniform(0, 0.3), 2))
    common(rng, w, sec, communities, horizon)


GENERATORS = {"shops": gen_shops, "parking": gen_parking, "chargers": gen_chargers, "other": gen_other}


def gen_one(rng, idx, base_file=None):
    w = Writer(rng, pct_prob=rng.choice([0.0, 0.3, 0.7]))
    horizon = rng.choice([1, 1, 2, 3, 5, 8, 10, 10, 15, 20, 25, rng.randint(1, 25)])
    w.add("scenario", "name", "random scenario %03d" % idx)
    if rng.random() < 0.5:
        w.add("scenario", "start", "%04d-%02d" % (rng.randint(2024, 2027), rng.randint(1, 12)))
    w.add("scenario", "horizon_years", horizon)
    if rng.random() < 0.8:
        w.add("scenario", "discount_rate", rng.choice([0.0, 0.03, 0.05, 0.08, 0.1, 0.12,
                                                        round(rng.uniform(0, 0.2), 4)]), frac=True)
    w.add("scenario", "runs", 0)
    if rng.random() < 0.3:
        w.add("scenario", "seed", rng.randint(1, 10000))

    ncomm = rng.choice([1, 1, 2, 3])
    communities = ["c%d_%s" % (i + 1, rng.choice(["yongfengli", "chidian", "east-gate", "Block7"]))
                   for i in range(ncomm)]
    for c in communities:
        gen_community(rng, w, c)

    profile = rng.choice(["none", "small", "payback", "payback", "never"])
    kinds = list(GENERATORS)
    nlev = rng.randint(1, 6)
    chosen = kinds[:] if rng.random() < 0.4 else []
    while len(chosen) < nlev:
        chosen.append(rng.choice(kinds))
    rng.shuffle(chosen)
    names = []
    for i, k in enumerate(chosen):
        name = "%s_%d" % (k[:3], i + 1)
        names.append((k, name))
        GENERATORS[k](rng, w, name, communities, horizon, profile)
    if len(names) > 1 and rng.random() < 0.25:
        k, name = rng.choice(names)
        w.add("%s:%s" % (k, name), "enabled", 0)
    elif rng.random() < 0.2:
        k, name = rng.choice(names)
        w.add("%s:%s" % (k, name), "enabled", 1)

    if rng.random() < 0.7:
        w.add("fund", "initial", round(rng.uniform(0, 3e6)))
    for i in range(rng.choice([0, 0, 1, 2, 3])):
        g = "g%d" % (i + 1)
        w.add("grant:" + g, "amount", round(rng.uniform(1e4, 2e6)))
        if rng.random() < 0.7:
            w.add("grant:" + g, "month", rng.randint(1, 12 * horizon))

    if rng.random() < 0.3:
        rng.shuffle(w.rows)
    cols = rng.choice(COLUMN_SETS)
    return w.text(cols, comments=rng.random() < 0.5, bom=rng.random() < 0.3), names, communities


def gen_variant(rng, idx, base_name, base_names):
    """A variant: scenario,base plus a few overriding rows."""
    w = Writer(rng, pct_prob=0.5)
    w.add("scenario", "base", base_name)
    w.add("scenario", "name", "variant %03d of %s" % (idx, base_name))
    w.add("scenario", "runs", 0)
    if rng.random() < 0.5:
        w.add("scenario", "horizon_years", rng.randint(1, 25))
    if rng.random() < 0.5:
        w.add("scenario", "discount_rate", round(rng.uniform(0, 0.15), 4), frac=True)
    for k, name in rng.sample(base_names, min(len(base_names), rng.randint(1, 2))):
        sec = "%s:%s" % (k, name)
        c = rng.random()
        if c < 0.3 and len(base_names) > 1:
            w.add(sec, "enabled", 0)
        elif c < 0.6:
            w.add(sec, "start_month", rng.randint(1, 24))
        else:
            w.add(sec, "ramp_months", rng.choice([0, 1, 6, 18]))
    if rng.random() < 0.5:
        w.add("other:variant_extra", "income", round(rng.uniform(1000, 20000), 2))
        w.add("other:variant_extra", "capex", round(rng.uniform(0, 300000)))
        w.add("other:variant_extra", "community", "__FIRST__")
    return w


def parse_args(argv):
    """OUTDIR N SEED [--features part1|part2] -> (outdir, n, seed, features)."""
    args, features = [], "part1"
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--features" and i + 1 < len(argv):
            features = argv[i + 1]
            i += 2
            continue
        if a.startswith("--features="):
            features = a.split("=", 1)[1]
        else:
            args.append(a)
        i += 1
    if len(args) != 3 or features not in ("part1", "part2"):
        return None
    return args[0], int(args[1]), int(args[2]), features


def main(argv):
    parsed = parse_args(argv)
    if parsed is None:
        print("usage: gen_scenarios.py OUTDIR N SEED [--features part1|part2]", file=sys.stderr)
        return 2
    outdir, n, seed, features = parsed
    if features == "part2":
        import gen_part2
        return gen_part2.generate(outdir, n, seed)
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    made = []  # (filename, lever names, first community)
    for i in range(n):
        fname = "scen_%03d.csv" % i
        if made and rng.random() < 0.15:
            base_fname, base_names, first_comm = rng.choice(made)
            w = gen_variant(rng, i, base_fname, base_names)
            for r in w.rows:
                if r["value"] == "__FIRST__":
                    r["value"] = first_comm
            text = w.text(rng.choice(COLUMN_SETS), comments=False)
        else:
            text, names, communities = gen_one(rng, i)
            made.append((fname, names, communities[0]))
        with open(os.path.join(outdir, fname), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
