#!/usr/bin/env python3
"""Independent reference implementation of the revsim base case.

Derived only from /work/shared/MODEL.md (the contract) and
docs/model-notes.md (the readings where the contract is ambiguous).
It deliberately does not share any code or structure with the C simulator,
so that the two can be cross-checked.

Usage:  python3 revsim_ref.py SCENARIO.csv OUTDIR [--lenient]

Writes OUTDIR/annual.csv, monthly.csv, communities.csv, summary.csv.
Numbers are written with '%.17g' (full double precision); empty cells mean
"not defined".  Monte Carlo is not implemented: summary mean..p90 are empty.

Standard library only.  One function per MODEL.md formula; the docstring of
each quotes the formula it implements.
"""

import csv
import io
import math
import os
import sys

DAYS_PER_MONTH = 365.0 / 12.0
LOGISTIC_K = 10.0

LEVER_KINDS = ("shops", "parking", "chargers", "other")


class ScenarioError(Exception):
    pass


# ---------------------------------------------------------------------------
# Time and money
# ---------------------------------------------------------------------------

def year_of(m):
    """year(m) = floor((m-1)/12) + 1"""
    return (m - 1) // 12 + 1


def growth_factor(g, m):
    """Escalation is yearly, by model year: (1+g)^(year(m)-1)."""
    return (1.0 + g) ** (year_of(m) - 1)


def discount_factor(r, m):
    """(1+r)^(-m/12), cash flows at the end of month m."""
    return (1.0 + r) ** (-m / 12.0)


# ---------------------------------------------------------------------------
# Ramps
# ---------------------------------------------------------------------------

def ramp_progress(m, s, ramp_months):
    """p(m) = 0 for m < s; min(1, (m-s+1)/ramp_months) for m >= s;
    p = 1 for m >= s when ramp_months = 0."""
    if m < s:
        return 0.0
    if ramp_months == 0:
        return 1.0
    return min(1.0, (m - s + 1) / ramp_months)


def sigma(x):
    """sigma(x) = 1/(1+e^(-x))"""
    return 1.0 / (1.0 + math.exp(-x))


def ramp_shape(p, shape):
    """linear: L(p) = p.
    logistic: L(p) = (sigma(k(p-1/2)) - sigma(-k/2)) / (sigma(k/2) - sigma(-k/2)), k = 10."""
    if shape == "linear":
        return p
    k = LOGISTIC_K
    lo = sigma(-k / 2.0)
    hi = sigma(k / 2.0)
    return (sigma(k * (p - 0.5)) - lo) / (hi - lo)


def ramped_value(m, s, start, target, ramp_months, shape):
    """value(m) = start + (target - start) * L(p(m))"""
    return start + (target - start) * ramp_shape(ramp_progress(m, s, ramp_months), shape)


# ---------------------------------------------------------------------------
# Scenario file
# ---------------------------------------------------------------------------

# key -> (kind, default); kind is 'num', 'int', 'str', 'shape', 'req' (required number)
REQ = object()  # marker: required

SCENARIO_KEYS = {
    "name": ("str", ""),
    "start": ("str", ""),
    "horizon_years": ("int", 10),
    "discount_rate": ("num", 0.08),
    "currency": ("str", "CNY"),
    "runs": ("int", 1000),
    "seed": ("int", 1),
    "base": ("str", ""),
}

COMMUNITY_KEYS = {
    "area_m2": ("num", REQ),
    "fee_rate": ("num", REQ),
    "fee_growth": ("num", 0.0),
    "collection_start": ("num", REQ),
    "collection_target": ("num", None),  # None -> = collection_start
    "ramp_months": ("num", 0.0),
    "ramp_shape": ("shape", "logistic"),
    "cost_annual": ("num", REQ),
    "cost_growth": ("num", 0.0),
    "households": ("str", "0"),  # a label only; never used in a formula
}

LEVER_COMMON_KEYS = {
    "community": ("str", None),
    "start_month": ("int", 1),
    "share_out": ("num", 0.0),
    "enabled": ("int", 1),
}

LEVER_KEYS = {
    "shops": {
        "count": ("num", REQ),
        "area_m2": ("num", REQ),
        "rent": ("num", REQ),
        "rent_uplift": ("num", 0.0),
        "rent_growth": ("num", 0.0),
        "occupancy_start": ("num", 0.0),
        "occupancy_target": ("num", REQ),
        "ramp_months": ("num", 12.0),
        "ramp_shape": ("shape", "logistic"),
        "rent_free_months": ("int", 0),
        "master_rent": ("num", 0.0),
        "master_growth": ("num", 0.0),
        "fitout_capex": ("num", 0.0),
        "opex_rate": ("num", 0.0),
        "opex_fixed": ("num", 0.0),
    },
    "parking": {
        "kind": ("str", ""),
        "spaces": ("num", REQ),
        "fee": ("num", REQ),
        "fee_growth": ("num", 0.0),
        "utilization_start": ("num", 0.0),
        "utilization_target": ("num", 1.0),
        "ramp_months": ("num", 0.0),
        "ramp_shape": ("shape", "logistic"),
        "capex_per_space": ("num", 0.0),
        "opex_per_space": ("num", 0.0),
        "opex_rate": ("num", 0.0),
    },
    "chargers": {
        "kind": ("str", ""),
        "ports": ("num", REQ),
        "sessions_start": ("num", 0.0),
        "sessions_target": ("num", REQ),
        "ramp_months": ("num", 0.0),
        "ramp_shape": ("shape", "logistic"),
        "kwh_per_session": ("num", 0.0),
        "price_per_session": ("num", 0.0),
        "price_per_kwh": ("num", 0.0),
        "price_growth": ("num", 0.0),
        "electricity_cost": ("num", 0.0),
        "electricity_growth": ("num", 0.0),
        "capex_per_port": ("num", 0.0),
        "life_years": ("num", 0.0),
        "opex_per_port": ("num", 0.0),
        "opex_rate": ("num", 0.0),
    },
    "other": {
        "income": ("num", REQ),
        "growth": ("num", 0.0),
        "ramp_months": ("num", 0.0),
        "ramp_shape": ("shape", "logistic"),
        "capex": ("num", 0.0),
        "opex_fixed": ("num", 0.0),
    },
}

FUND_KEYS = {"initial": ("num", 0.0)}
GRANT_KEYS = {"amount": ("num", REQ), "month": ("int", 1)}

KIND_LABELS = {"parking": ("car", "ebike"), "chargers": ("ebike", "ev_ac", "ev_dc")}

# fraction-valued keys that must lie in [0, 1]
FRACTION_KEYS = {
    "collection_start", "collection_target", "occupancy_start", "occupancy_target",
    "utilization_start", "utilization_target", "share_out", "opex_rate",
}


# numeric keys that may be negative (besides every *growth key)
MAY_BE_NEGATIVE = {"discount_rate", "initial"}


def parse_number(text):
    """A value may end in '%', meaning /100."""
    t = text.strip()
    if t.endswith("%"):
        return float(t[:-1].strip()) / 100.0
    return float(t)


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")  # "files saved by Excel in GBK are read too"


def read_rows(path):
    """Return a list of (section, key, value, rowno) from one file (no base)."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = None
    rows = []
    for rowno, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if header is None:
            if not any(cells):
                continue
            header = [c.lower() for c in cells]
            for col in ("section", "key", "value"):
                if col not in header:
                    raise ScenarioError("%s: row %d: header lacks column '%s'" % (path, rowno, col))
            isec, ikey, ival = header.index("section"), header.index("key"), header.index("value")
            continue
        if not any(cells):
            continue
        cells += [""] * (len(header) - len(cells))
        sec, key, val = cells[isec], cells[ikey], cells[ival]
        if sec.startswith("#"):
            continue
        if not sec or not key:
            raise ScenarioError("%s: row %d: empty section or key" % (path, rowno))
        rows.append((sec, key, val, rowno))
    if header is None:
        raise ScenarioError("%s: empty file" % path)
    return rows


def load_entries(path, stack=()):
    """Ordered dict (section, key) -> (value, file, row), with `scenario,base`
    resolved: base entries first, this file's rows override them in place
    (new section+key pairs are appended in this file's order)."""
    apath = os.path.realpath(path)
    if apath in stack:
        raise ScenarioError("%s: scenario,base: base cycle" % path)
    rows = read_rows(path)
    entries = {}
    for sec, key, val, rowno in rows:
        if sec == "scenario" and key == "base" and val:
            base = os.path.join(os.path.dirname(path), val)
            entries = load_entries(base, stack + (apath,))
            break
    for sec, key, val, rowno in rows:
        entries[(sec, key)] = (val, path, rowno)
    return entries


def split_section(sec):
    if ":" in sec:
        kind, name = sec.split(":", 1)
        return kind, name
    return sec, None


def valid_name(name):
    return bool(name) and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)


def convert(spec, val, where):
    kind, _ = spec
    try:
        if kind == "num":
            return parse_number(val)
        if kind == "int":
            x = parse_number(val)
            if x != int(x):
                raise ValueError
            return int(x)
        if kind == "shape":
            if val not in ("linear", "logistic"):
                raise ValueError
            return val
        return val
    except (ValueError, OverflowError):
        raise ScenarioError("%s: bad value '%s'" % (where, val))


def build_section(kind, name, keys, entries_for_section, lenient):
    """Apply defaults from MODEL.md and convert values."""
    out = {}
    for key, (val, path, rowno) in entries_for_section.items():
        where = "%s: row %d: section %s, key %s" % (path, rowno, kind + (":" + name if name else ""), key)
        if key not in keys:
            if lenient:
                print("warning: %s: unknown key (ignored)" % where, file=sys.stderr)
                continue
            raise ScenarioError("%s: unknown key" % where)
        out[key] = convert(keys[key], val, where)
        if key in FRACTION_KEYS and not (0.0 <= out[key] <= 1.0):
            raise ScenarioError("%s: value out of range [0,1]" % where)
        if (keys[key][0] in ("num", "int") and key not in MAY_BE_NEGATIVE
                and not key.endswith("growth") and out[key] < 0):
            raise ScenarioError("%s: value out of range (< 0)" % where)
    for key, (_, default) in keys.items():
        if key not in out:
            if default is REQ:
                raise ScenarioError("section %s%s: missing required key %s"
                                    % (kind, ":" + name if name else "", key))
            out[key] = default
    return out


def parse_scenario(path, lenient=False):
    entries = load_entries(path)
    # group by section, keeping order of first appearance
    sections = {}
    for (sec, key), v in entries.items():
        sections.setdefault(sec, {})[key] = v

    scen = {
        "scenario": build_section("scenario", None, SCENARIO_KEYS, sections.get("scenario", {}), lenient),
        "communities": [],   # list of dicts with 'name'
        "levers": [],        # list of dicts with 'name', 'type'
        "fund": build_section("fund", None, FUND_KEYS, sections.get("fund", {}), lenient),
        "grants": [],
    }
    lever_names = set()
    for sec, ents in sections.items():
        kind, name = split_section(sec)
        if kind in ("scenario", "fund") and name is None:
            continue
        if name is None or not valid_name(name):
            msg = "section %s: unknown section or bad name" % sec
            if lenient:
                print("warning: " + msg + " (ignored)", file=sys.stderr)
                continue
            raise ScenarioError(msg)
        if kind == "community":
            c = build_section(kind, name, COMMUNITY_KEYS, ents, lenient)
            if c["collection_target"] is None:
                c["collection_target"] = c["collection_start"]
            c["name"] = name
            scen["communities"].append(c)
        elif kind in LEVER_KINDS:
            keys = dict(LEVER_COMMON_KEYS)
            keys.update(LEVER_KEYS[kind])
            lv = build_section(kind, name, keys, ents, lenient)
            lv["name"] = name
            lv["type"] = kind
            if name in lever_names:
                raise ScenarioError("section %s: lever name not unique" % sec)
            lever_names.add(name)
            if kind in KIND_LABELS and lv["kind"] and lv["kind"] not in KIND_LABELS[kind]:
                raise ScenarioError("section %s, key kind: unknown kind '%s'" % (sec, lv["kind"]))
            if kind == "chargers" and not (lv["price_per_session"] > 0 or lv["price_per_kwh"] > 0):
                raise ScenarioError("section %s: price_per_session or price_per_kwh must be > 0" % sec)
            if lv["start_month"] < 1:
                raise ScenarioError("section %s, key start_month: must be >= 1" % sec)
            if lv["enabled"]:
                scen["levers"].append(lv)
        elif kind == "grant":
            g = build_section(kind, name, GRANT_KEYS, ents, lenient)
            g["name"] = name
            if g["month"] < 1:
                raise ScenarioError("section %s, key month: must be >= 1" % sec)
            scen["grants"].append(g)
        else:
            msg = "section %s: unknown section" % sec
            if lenient:
                print("warning: " + msg + " (ignored)", file=sys.stderr)
                continue
            raise ScenarioError(msg)

    if not scen["communities"]:
        raise ScenarioError("%s: no community section" % path)
    if scen["scenario"]["horizon_years"] < 1:
        raise ScenarioError("%s: horizon_years must be >= 1" % path)
    if scen["scenario"]["discount_rate"] <= -1:
        raise ScenarioError("%s: discount_rate must be > -1" % path)
    cnames = [c["name"] for c in scen["communities"]]
    for lv in scen["levers"]:
        c = lv["community"]
        if c is None or c == "":
            if len(cnames) != 1:
                raise ScenarioError("section %s:%s: lever names no community" % (lv["type"], lv["name"]))
            c = cnames[0]
        if c.startswith("community:"):
            c = c[len("community:"):]
        if c not in cnames:
            raise ScenarioError("section %s:%s, key community: no community '%s'"
                                % (lv["type"], lv["name"], c))
        lv["community"] = c
    return scen


# ---------------------------------------------------------------------------
# community:NAME
# ---------------------------------------------------------------------------

def community_collection(c, m):
    """collection ramp from collection_start to collection_target, beginning in month 1."""
    return ramped_value(m, 1, c["collection_start"], c["collection_target"],
                        c["ramp_months"], c["ramp_shape"])


def community_fee(c, m):
    """fee(m) = area_m2 * fee_rate * growth * collection(m)"""
    return c["area_m2"] * c["fee_rate"] * growth_factor(c["fee_growth"], m) * community_collection(c, m)


def community_cost(c, m):
    """cost(m) = cost_annual/12 * (1+cost_growth)^(y-1)"""
    return c["cost_annual"] / 12.0 * growth_factor(c["cost_growth"], m)


def community_gap(c, m):
    """gap(m) = cost(m) - fee(m)"""
    return community_cost(c, m) - community_fee(c, m)


def community_deficit_before(c):
    """deficit_before = 12 * (cost_annual/12 - area_m2 * fee_rate * collection_start)"""
    return 12.0 * (c["cost_annual"] / 12.0 - c["area_m2"] * c["fee_rate"] * c["collection_start"])


def community_completion_month(c):
    """a community's collection completes in month max(ramp_months, 1)"""
    return max(c["ramp_months"], 1)


# ---------------------------------------------------------------------------
# Levers: common
# ---------------------------------------------------------------------------

def lever_active(lv, m):
    """Before s a lever earns and spends nothing."""
    return m >= lv["start_month"]


def lever_ramp(lv, m, start, target):
    return ramped_value(m, lv["start_month"], start, target, lv["ramp_months"], lv["ramp_shape"])


def lever_completion_month(lv):
    """s - 1 + max(ramp_months, 1) + rent_free_months"""
    f = lv["rent_free_months"] if lv["type"] == "shops" else 0
    return lv["start_month"] - 1 + max(lv["ramp_months"], 1) + f


# ---------------------------------------------------------------------------
# shops:NAME
# ---------------------------------------------------------------------------

def shops_occupancy(lv, m):
    return lever_ramp(lv, m, lv["occupancy_start"], lv["occupancy_target"])


def shops_paying_occupancy(lv, m):
    """paying occupancy(m) = occupancy(m - f) when m - f >= s, else occupancy_start (m >= s)."""
    s, f = lv["start_month"], lv["rent_free_months"]
    if m - f >= s:
        return shops_occupancy(lv, m - f)
    return lv["occupancy_start"]


def shops_gross(lv, m):
    """gross(m) = count * area_m2 * paying_occupancy(m) * rent * (1+rent_uplift) * growth"""
    return (lv["count"] * lv["area_m2"] * shops_paying_occupancy(lv, m) * lv["rent"]
            * (1.0 + lv["rent_uplift"]) * growth_factor(lv["rent_growth"], m))


def shops_master(lv, m):
    """master_rent CNY/m2/month paid on every shop (count*area_m2) from s, with master_growth."""
    return lv["master_rent"] * lv["count"] * lv["area_m2"] * growth_factor(lv["master_growth"], m)


def shops_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_fixed"""
    return lv["opex_rate"] * gross + lv["opex_fixed"]


def shops_capex(lv, m):
    """fitout_capex per shop, once, in month s."""
    return lv["fitout_capex"] * lv["count"] if m == lv["start_month"] else 0.0


# ---------------------------------------------------------------------------
# parking:NAME
# ---------------------------------------------------------------------------

def parking_utilization(lv, m):
    return lever_ramp(lv, m, lv["utilization_start"], lv["utilization_target"])


def parking_gross(lv, m):
    """gross(m) = spaces * utilization(m) * fee * growth"""
    return lv["spaces"] * parking_utilization(lv, m) * lv["fee"] * growth_factor(lv["fee_growth"], m)


def parking_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_per_space * spaces (every space, from s)"""
    return lv["opex_rate"] * gross + lv["opex_per_space"] * lv["spaces"]


def parking_capex(lv, m):
    """capex_per_space * spaces, once, in month s."""
    return lv["capex_per_space"] * lv["spaces"] if m == lv["start_month"] else 0.0


# ---------------------------------------------------------------------------
# chargers:NAME
# ---------------------------------------------------------------------------

def chargers_sessions(lv, m):
    """sessions(m) = ports * sessions_per_day(m) * days_per_month"""
    spd = lever_ramp(lv, m, lv["sessions_start"], lv["sessions_target"])
    return lv["ports"] * spd * DAYS_PER_MONTH


def chargers_gross(lv, m):
    """gross(m) = sessions(m) * (price_per_session + kwh_per_session * price_per_kwh) * growth"""
    return (chargers_sessions(lv, m)
            * (lv["price_per_session"] + lv["kwh_per_session"] * lv["price_per_kwh"])
            * growth_factor(lv["price_growth"], m))


def chargers_energy(lv, m):
    """energy(m) = sessions(m) * kwh_per_session * electricity_cost * (1+electricity_growth)^(y-1)"""
    return (chargers_sessions(lv, m) * lv["kwh_per_session"] * lv["electricity_cost"]
            * growth_factor(lv["electricity_growth"], m))


def chargers_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_per_port * ports (every port, from s)"""
    return lv["opex_rate"] * gross + lv["opex_per_port"] * lv["ports"]


def chargers_renewal_period(lv):
    """P = life_years*12 rounded to the nearest whole month; 0 = never renewed."""
    if lv["life_years"] <= 0:
        return 0
    return max(1, int(math.floor(lv["life_years"] * 12.0 + 0.5)))


def chargers_capex(lv, m):
    """capex_per_port * ports in months s, s+P, s+2P, ..."""
    s = lv["start_month"]
    P = chargers_renewal_period(lv)
    if m == s or (P > 0 and m > s and (m - s) % P == 0):
        return lv["capex_per_port"] * lv["ports"]
    return 0.0


# ---------------------------------------------------------------------------
# other:NAME
# ---------------------------------------------------------------------------

def other_gross(lv, m):
    """gross(m) = income * L(p(m)) * growth"""
    p = ramp_progress(m, lv["start_month"], lv["ramp_months"])
    return lv["income"] * ramp_shape(p, lv["ramp_shape"]) * growth_factor(lv["growth"], m)


def other_opex(lv, m, gross):
    """opex_fixed CNY/month from s."""
    return lv["opex_fixed"]


def other_capex(lv, m):
    """capex, once, in month s."""
    return lv["capex"] if m == lv["start_month"] else 0.0


# ---------------------------------------------------------------------------
# Any lever
# ---------------------------------------------------------------------------

GROSS = {"shops": shops_gross, "parking": parking_gross, "chargers": chargers_gross, "other": other_gross}
OPEX = {"shops": shops_opex, "parking": parking_opex, "chargers": chargers_opex, "other": other_opex}
CAPEX = {"shops": shops_capex, "parking": parking_capex, "chargers": chargers_capex, "other": other_capex}


def lever_month(lv, m):
    """Return (gross, net, capex) of one lever in month m.
    net(m) = gross(m)*(1 - share_out) - opex(m) - master(m) - energy(m)."""
    if not lever_active(lv, m):
        return 0.0, 0.0, 0.0
    t = lv["type"]
    gross = GROSS[t](lv, m)
    opex = OPEX[t](lv, m, gross)
    master = shops_master(lv, m) if t == "shops" else 0.0
    energy = chargers_energy(lv, m) if t == "chargers" else 0.0
    net = gross * (1.0 - lv["share_out"]) - opex - master - energy
    return gross, net, CAPEX[t](lv, m)


# ---------------------------------------------------------------------------
# Portfolio results
# ---------------------------------------------------------------------------

def coverage(net_income, deficit):
    """coverage = net_income / deficit, empty (None) when deficit <= 0."""
    if deficit <= 0:
        return None
    return net_income / deficit


def is_covered(net_income, deficit):
    """A year counts as covered when coverage >= 1 or deficit <= 0."""
    c = coverage(net_income, deficit)
    return c is None or c >= 1.0


def grants_in_month(scen, m):
    return sum(g["amount"] for g in scen["grants"] if g["month"] == m)


def simulate(scen):
    """Monthly portfolio series and per-community series for months 1..M."""
    H = scen["scenario"]["horizon_years"]
    M = 12 * H
    comms = scen["communities"]
    levers = scen["levers"]
    cols = ("revenue", "net_income", "capex", "fee_income", "mgmt_cost", "gap",
            "cf", "surplus", "grants", "fund")
    mon = {k: [0.0] * (M + 1) for k in cols}  # index 0 unused except fund(0)
    lever_rev = {lv["name"]: [0.0] * (M + 1) for lv in levers}
    com = {c["name"]: {k: [0.0] * (M + 1) for k in ("revenue", "net_income", "fee_income", "mgmt_cost", "gap")}
           for c in comms}
    mon["fund"][0] = scen["fund"]["initial"]
    for m in range(1, M + 1):
        for c in comms:
            fee, cost = community_fee(c, m), community_cost(c, m)
            cc = com[c["name"]]
            cc["fee_income"][m] = fee
            cc["mgmt_cost"][m] = cost
            cc["gap"][m] = cost - fee
            mon["fee_income"][m] += fee
            mon["mgmt_cost"][m] += cost
        for lv in levers:
            gross, net, capex = lever_month(lv, m)
            lever_rev[lv["name"]][m] = gross
            cc = com[lv["community"]]
            cc["revenue"][m] += gross
            cc["net_income"][m] += net
            mon["revenue"][m] += gross
            mon["net_income"][m] += net
            mon["capex"][m] += capex
        # gap = mgmt_cost - fee_income
        mon["gap"][m] = mon["mgmt_cost"][m] - mon["fee_income"][m]
        # cf(m) = net_income(m) - capex(m)
        mon["cf"][m] = mon["net_income"][m] - mon["capex"][m]
        # surplus(m) = net_income(m) - gap(m)
        mon["surplus"][m] = mon["net_income"][m] - mon["gap"][m]
        mon["grants"][m] = grants_in_month(scen, m)
        # fund(m) = fund(m-1) + surplus(m) - capex(m) + grants(m)
        mon["fund"][m] = mon["fund"][m - 1] + mon["surplus"][m] - mon["capex"][m] + mon["grants"][m]
    return M, mon, lever_rev, com


def year_sum(series, y):
    return sum(series[12 * (y - 1) + 1: 12 * y + 1])


# ---------------------------------------------------------------------------
# Headline metrics
# ---------------------------------------------------------------------------

def npv(cf, r):
    """npv = sum cf(m) * (1+r)^(-m/12), m = 1..M (cf[0] unused)"""
    return sum(cf[m] * discount_factor(r, m) for m in range(1, len(cf)))


def payback_months(cf):
    """Payback per model-notes.md, in months (None = empty).
    C(0)=0, C(m)=C(m-1)+cf(m); first m with C(m-1) < 0 <= C(m):
    t = (m-1) + (-C(m-1))/cf(m).  C never negative -> 0 (empty if every cf == 0)."""
    flows = cf[1:]
    if all(x == 0 for x in flows):
        return None
    C = 0.0
    went_negative = False
    for i, x in enumerate(flows, start=1):
        prev = C
        C = prev + x
        if prev < 0:
            went_negative = True
            if C >= 0:
                return (i - 1) + (-prev) / x
        if C < 0:
            went_negative = True
    if not went_negative:
        return 0.0
    return None


def discounted_cf(cf, r):
    return [0.0] + [cf[m] * discount_factor(r, m) for m in range(1, len(cf))]


def irr(cf, grid_points=2000, lo=0.01, hi=1e6):
    """Annual rate x with sum cf(m)(1+x)^(-m/12) = 0.
    Roots are bracketed on a log-spaced grid of 1+x in [0.01, 1e6], each
    bracket refined by bisection to full double precision; the root closest
    to 0 is reported.  None when cf never changes sign or no root found."""
    flows = cf[1:]
    if not (any(x > 0 for x in flows) and any(x < 0 for x in flows)):
        return None

    def f(v):  # v = 1 + x
        return sum(cf[m] * v ** (-m / 12.0) for m in range(1, len(cf)))

    ratio = math.log(hi / lo)
    grid = [lo * math.exp(ratio * i / (grid_points - 1)) for i in range(grid_points)]
    grid[-1] = hi
    vals = [f(v) for v in grid]
    roots = []
    for i in range(grid_points):
        if vals[i] == 0.0:
            roots.append(grid[i])
        if i + 1 < grid_points and vals[i] * vals[i + 1] < 0:
            a, b, fa = grid[i], grid[i + 1], vals[i]
            for _ in range(400):
                mid = 0.5 * (a + b)
                if mid <= a or mid >= b:
                    break
                fm = f(mid)
                if fm == 0.0:
                    a = b = mid
                    break
                if (fm < 0) == (fa < 0):
                    a, fa = mid, fm
                else:
                    b = mid
            roots.append(0.5 * (a + b))
    if not roots:
        return None
    xs = [v - 1.0 for v in roots]
    return min(xs, key=lambda x: (abs(x), x))


def stabilized_year(scen, H):
    """The first year whose first month is at or after every completion month
    (the last year if none)."""
    completions = [community_completion_month(c) for c in scen["communities"]]
    completions += [lever_completion_month(lv) for lv in scen["levers"]]
    last = max(completions)
    for y in range(1, H + 1):
        if 12 * (y - 1) + 1 >= last:
            return y
    return H


# ---------------------------------------------------------------------------
# Results tables
# ---------------------------------------------------------------------------

def compute(scen):
    """Return dict with 'annual', 'monthly', 'communities' (lists of rows as
    dicts) and 'summary' (ordered list of (metric, value))."""
    H = scen["scenario"]["horizon_years"]
    r = scen["scenario"]["discount_rate"]
    M, mon, lever_rev, com = simulate(scen)
    lever_names = [lv["name"] for lv in scen["levers"]]

    monthly = []
    for m in range(1, M + 1):
        row = {
            "month": m, "year": year_of(m),
            "revenue": mon["revenue"][m], "net_income": mon["net_income"][m],
            "capex": mon["capex"][m], "fee_income": mon["fee_income"][m],
            "mgmt_cost": mon["mgmt_cost"][m], "deficit": mon["gap"][m],
            "coverage": coverage(mon["net_income"][m], mon["gap"][m]),
            "surplus": mon["surplus"][m], "fund_end": mon["fund"][m],
        }
        for n in lever_names:
            row["revenue:" + n] = lever_rev[n][m]
        monthly.append(row)

    annual = []
    for y in range(1, H + 1):
        row = {"year": y}
        for col, key in (("revenue", "revenue"), ("net_income", "net_income"), ("capex", "capex"),
                         ("fee_income", "fee_income"), ("mgmt_cost", "mgmt_cost"),
                         ("deficit", "gap"), ("surplus", "surplus")):
            row[col] = year_sum(mon[key], y)
        row["coverage"] = coverage(row["net_income"], row["deficit"])
        row["fund_end"] = mon["fund"][12 * y]
        for n in lever_names:
            row["revenue:" + n] = year_sum(lever_rev[n], y)
        annual.append(row)

    communities = []
    for c in scen["communities"]:
        cc = com[c["name"]]
        for y in range(1, H + 1):
            rev = year_sum(cc["revenue"], y)
            net = year_sum(cc["net_income"], y)
            dfc = year_sum(cc["gap"], y)
            communities.append({
                "community": c["name"], "year": y, "revenue": rev, "net_income": net,
                "deficit": dfc, "coverage": coverage(net, dfc),
                "fee_income": year_sum(cc["fee_income"], y),
                "mgmt_cost": year_sum(cc["mgmt_cost"], y),
            })

    sy = stabilized_year(scen, H)
    ys = annual[sy - 1]
    y1 = annual[0]
    first_covered = None
    for row in annual:
        if is_covered(row["net_income"], row["deficit"]):
            first_covered = row["year"]
            break
    cf = mon["cf"]
    pb = payback_months(cf)
    dpb = payback_months(discounted_cf(cf, r))
    fund = mon["fund"][1:]
    fund_min = min(fund)
    fund_min_month = fund.index(fund_min) + 1

    summary = [
        ("revenue_year1", y1["revenue"]),
        ("revenue_stabilized", ys["revenue"]),
        ("net_income_stabilized", ys["net_income"]),
        ("deficit_before", sum(community_deficit_before(c) for c in scen["communities"])),
        ("deficit_year1", y1["deficit"]),
        ("coverage_year1", y1["coverage"]),
        ("coverage_stabilized", ys["coverage"]),
        ("first_covered_year", first_covered),
        ("capex_total", sum(mon["capex"][1:])),
        ("npv", npv(cf, r)),
        ("irr", irr(cf)),
        ("payback_years", None if pb is None else pb / 12.0),
        ("discounted_payback_years", None if dpb is None else dpb / 12.0),
        ("fund_min", fund_min),
        ("fund_end", mon["fund"][M]),
        ("p_covered_stabilized", 1 if is_covered(ys["net_income"], ys["deficit"]) else 0),
        ("p_fund_never_negative", 1 if fund_min >= 0 else 0),
        ("stabilized_year", sy),
        ("fund_min_month", fund_min_month),
    ]
    return {"annual": annual, "monthly": monthly, "communities": communities,
            "summary": summary, "lever_names": lever_names}


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def fmt(x):
    if x is None:
        return ""
    if isinstance(x, (int, str)) and not isinstance(x, bool):
        return str(x)
    if x == 0:
        x = 0.0  # no '-0'
    return "%.17g" % x


def table_text(columns, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([fmt(row[c]) for c in columns])
    return buf.getvalue()


def output_texts(res):
    base_cols = ["revenue", "net_income", "capex", "fee_income", "mgmt_cost",
                 "deficit", "coverage", "surplus", "fund_end"]
    lever_cols = ["revenue:" + n for n in res["lever_names"]]
    summ_rows = [{"metric": k, "unit": "", "base": v, "mean": None, "p10": None,
                  "p50": None, "p90": None} for k, v in res["summary"]]
    return {
        "annual.csv": table_text(["year"] + base_cols + lever_cols, res["annual"]),
        "monthly.csv": table_text(["month", "year"] + base_cols + lever_cols, res["monthly"]),
        "communities.csv": table_text(["community", "year", "revenue", "net_income", "deficit",
                                       "coverage", "fee_income", "mgmt_cost"], res["communities"]),
        "summary.csv": table_text(["metric", "unit", "base", "mean", "p10", "p50", "p90"], summ_rows),
    }


def run(scenario_path, outdir, lenient=False):
    scen = parse_scenario(scenario_path, lenient)
    texts = output_texts(compute(scen))  # everything computed before anything is written
    os.makedirs(outdir, exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


def main(argv):
    args = [a for a in argv[1:] if a != "--lenient"]
    if len(args) != 2:
        print("usage: revsim_ref.py SCENARIO.csv OUTDIR [--lenient]", file=sys.stderr)
        return 2
    try:
        run(args[0], args[1], lenient="--lenient" in argv)
    except (ScenarioError, OSError) as e:
        print("revsim_ref: error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
