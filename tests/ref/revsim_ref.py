#!/usr/bin/env python3
"""Independent reference implementation of the revsim base case.

Derived only from /work/shared/MODEL.md (the contract, parts 1 and 2) and
docs/model.md (formerly docs/model-notes.md) (the readings where the contract is ambiguous).
It deliberately does not share any code or structure with the C simulator,
so that the two can be cross-checked.

Usage:  python3 revsim_ref.py SCENARIO.csv OUTDIR [--lenient]

Writes OUTDIR/annual.csv, monthly.csv, communities.csv, summary.csv,
levers.csv, lever_summary.csv and (when `scenario,start` is given)
calendar.csv.  Numbers are written with '%.17g' (full double precision);
empty cells mean "not defined".  Monte Carlo, sweep, solve and optimize are
not implemented: summary mean..p90 are empty, and the optimiser's keys are
read (and checked) but do not change the base case.

Part 2 of MODEL.md is implemented for the base case: stabilized_year pin,
build_months, loan:NAME, subsidies, taxes (turnover and income tax with
depreciation and a 5-year loss carry-forward), fund interest / overdraft /
reserve, cf / cf_equity / dscr, schedules KEY@Y, ramp_start_month,
templates (`like`, `enabled`), tables (`scenario,include`) and the added
outputs.

Standard library only.  One function per MODEL.md formula; the docstring of
each quotes the formula it implements.
"""

import csv
import io
import math
import os
import re
import sys

DAYS_PER_MONTH = 365.0 / 12.0
LOGISTIC_K = 10.0

LEVER_KINDS = ("shops", "parking", "chargers", "other")
# named sections that take `like` (model-notes: communities, levers, loans, grants)
LIKE_KINDS = ("community",) + LEVER_KINDS + ("loan", "grant")
# unnamed sections
PLAIN_SECTIONS = ("scenario", "fund", "optimize")

CARRY_FORWARD_YEARS = 5


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


def round_half_away(x):
    """round(x) of the contract: half away from zero (C lround): 13.5 -> 14."""
    if x >= 0:
        return int(math.floor(x + 0.5))
    return -int(math.floor(-x + 0.5))


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
# Scenario file: keys
# ---------------------------------------------------------------------------

# key -> (kind, default) or (kind, default, choices);
# kind is 'num', 'int', 'str', 'shape', 'choice'; default REQ = required
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
    # part 2
    "stabilized_year": ("int", None),
    "income_tax_rate": ("num", 0.0),
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
    # part 2
    "ramp_start_month": ("int", 1),
    "space_m2": ("num", None),  # optimiser only
}

LEVER_COMMON_KEYS = {
    "community": ("str", None),
    "start_month": ("int", 1),
    "share_out": ("num", 0.0),
    "enabled": ("int", 1),
    # part 2
    "build_months": ("int", 0),
    "subsidy_lag_months": ("int", 0),
    "tax_rate": ("num", 0.0),
    "depreciation_years": ("num", None),  # None -> life_years (chargers with life) or 10
    # optimiser only (read and checked, ignored by the base case)
    "size_min": ("int", 0),
    "size_max": ("int", None),
    "space_per_unit": ("num", 0.0),
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
        "subsidy_per_unit": ("num", 0.0),
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
        "subsidy_per_unit": ("num", 0.0),
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
        "subsidy_per_unit": ("num", 0.0),
        "kw_per_port": ("num", 0.0),
        "subsidy_per_kw": ("num", 0.0),
        "subsidy_per_kwh": ("num", 0.0),
        "subsidy_years": ("num", 0.0),
    },
    "other": {
        "income": ("num", REQ),
        "growth": ("num", 0.0),
        "ramp_months": ("num", 0.0),
        "ramp_shape": ("shape", "logistic"),
        "capex": ("num", 0.0),
        "opex_fixed": ("num", 0.0),
        "subsidy": ("num", 0.0),
        "optional": ("int", 0),  # optimiser only
    },
}

FUND_KEYS = {
    "initial": ("num", 0.0),
    "interest_rate": ("num", 0.0),
    "overdraft_rate": ("num", 0.0),
    "reserve": ("num", 0.0),
}
GRANT_KEYS = {"amount": ("num", REQ), "month": ("int", 1)}
LOAN_KEYS = {
    "amount": ("num", REQ),
    "month": ("int", 1),
    "rate": ("num", 0.0),
    "term_years": ("num", REQ),
    "grace_months": ("int", 0),
    "repayment": ("choice", "annuity", ("annuity", "equal_principal", "bullet")),
    "enabled": ("int", 1),
}
OPTIMIZE_KEYS = {  # read and checked only; the base case ignores them
    "space_m2": ("num", None),
    "budget": ("num", None),
    "budget_years": ("num", None),
    "objective": ("choice", "npv", ("npv", "npv_equity", "fund_end", "fund_min",
                                    "net_income_stabilized")),
    "min_coverage": ("num", None),
    "min_coverage_each": ("num", None),
    "fund_never_negative": ("int", 0),
    "min_dscr": ("num", None),
    "samples": ("int", 0),
    "confidence": ("num", 0.9),
}

KIND_LABELS = {"parking": ("car", "ebike"), "chargers": ("ebike", "ev_ac", "ev_dc")}

# fraction-valued keys that must lie in [0, 1]
FRACTION_KEYS = {
    "collection_start", "collection_target", "occupancy_start", "occupancy_target",
    "utilization_start", "utilization_target", "share_out", "opex_rate",
    "tax_rate", "income_tax_rate", "confidence",
}

# whole keys that are yes/no
BOOL_KEYS = {"optional", "fund_never_negative"}

# numeric keys that may be negative (besides every *growth key)
MAY_BE_NEGATIVE = {"discount_rate", "initial"}

# numeric keys that must be > 0 when given, per section kind
POSITIVE_KEYS = {
    "loan": {"amount", "term_years"},
    "optimize": {"budget_years"},
}
for _k in LEVER_KINDS:
    POSITIVE_KEYS[_k] = {"depreciation_years"}

# Schedules KEY@Y: scheduled key -> its growth key, per section kind
SCHEDULED = {
    "community": {"fee_rate": "fee_growth", "cost_annual": "cost_growth"},
    "shops": {"rent": "rent_growth", "master_rent": "master_growth"},
    "parking": {"fee": "fee_growth"},
    "chargers": {"price_per_session": "price_growth", "price_per_kwh": "price_growth",
                 "electricity_cost": "electricity_growth"},
    "other": {"income": "growth"},
}

TABLE_SUFFIXES = ("low", "high", "dist", "note")


# ---------------------------------------------------------------------------
# Scenario file: reading
# ---------------------------------------------------------------------------

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
    """Return a list of (section, key, value, rowno) from one scenario file
    (no base, no include)."""
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


def read_table(path):
    """Tables: include.  A header `section,KEY,KEY,...` and one row per
    section; every non-empty cell is the row `section,KEY,value`.  Columns
    KEY.low, KEY.high, KEY.dist, KEY.note give that key's range,
    distribution and note (ignored by the base case).
    Returns a list of (section, key, value, rowno)."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = None
    cols = []
    rows = []
    for rowno, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if header is None:
            if not any(cells):
                continue
            header = cells
            if header[0].lower() != "section":
                raise ScenarioError("%s:%d: the first column of a table must be 'section'"
                                    % (path, rowno))
            seen = set()
            for h in header[1:]:
                if h == "":
                    cols.append(None)
                    continue
                key, suffix = h, None
                if "." in h:
                    b, s = h.rsplit(".", 1)
                    if s.lower() in TABLE_SUFFIXES:
                        key, suffix = b, s.lower()
                if (key, suffix) in seen:
                    raise ScenarioError("%s:%d: column %s appears twice" % (path, rowno, h))
                seen.add((key, suffix))
                cols.append((key, suffix))
            continue
        if not any(cells):
            continue
        sec = cells[0]
        if sec.startswith("#"):
            continue
        if not sec:
            raise ScenarioError("%s:%d: empty section" % (path, rowno))
        values, extras = [], {}
        for j, cell in enumerate(cells[1:]):
            if not cell:
                continue
            if j >= len(cols) or cols[j] is None:
                raise ScenarioError("%s:%d: %s: a value in a column with no key" % (path, rowno, sec))
            key, suffix = cols[j]
            if suffix is None:
                values.append((key, cell))
            else:
                extras.setdefault(key, []).append(suffix)
        given = set(k for k, _ in values)
        for key, suffixes in extras.items():
            if key not in given:
                raise ScenarioError("%s:%d: %s.%s: %s.%s given without a value"
                                    % (path, rowno, sec, key, key, suffixes[0]))
        for key, val in values:
            if sec == "scenario" and key in ("base", "include"):
                raise ScenarioError("%s:%d: %s.%s: a table holds no base or include"
                                    % (path, rowno, sec, key))
            rows.append((sec, key, val, rowno))
    if header is None:
        raise ScenarioError("%s: empty file" % path)
    return rows


# An entry is (value, file, row, from_table).

def where_of(sec, key, ent):
    """Where a row stands, for error messages.  Rows of an included table
    read `TABLE.csv:ROW: SECTION.KEY` (model-notes)."""
    _, path, rowno, from_table = ent
    if from_table:
        return "%s:%d: %s.%s" % (path, rowno, sec, key)
    return "%s: row %d: section %s, key %s" % (path, rowno, sec, key)


def load_entries(path, stack=()):
    """Ordered dict (section, key) -> entry, with `scenario,base` and
    `scenario,include` resolved.  Precedence, lowest first: the base file
    (with its own tables), the tables this file includes, this file's own
    rows.  A row that replaces a lower one keeps the lower one's position;
    new section+key pairs are appended (included tables first, in include
    order, then this file's rows).  Two rows with the same section and key
    in one file, or in this file's included tables, are an error."""
    apath = os.path.realpath(path)
    if apath in stack:
        raise ScenarioError("%s: scenario,base: base cycle" % path)
    rows = read_rows(path)
    own = {}
    includes = []
    for sec, key, val, rowno in rows:
        if sec == "scenario" and key == "include":
            if not val:
                raise ScenarioError("%s: row %d: section scenario, key include: no file named"
                                    % (path, rowno))
            includes.append((val, rowno))
            continue
        if (sec, key) in own:
            raise ScenarioError("%s: row %d: section %s, key %s: given twice (first in row %d)"
                                % (path, rowno, sec, key, own[(sec, key)][2]))
        own[(sec, key)] = (val, path, rowno, False)
    entries = {}
    base = own.get(("scenario", "base"))
    if base is not None and base[0]:
        bpath = os.path.join(os.path.dirname(path), base[0])
        if not os.path.isfile(bpath):
            raise ScenarioError("%s: row %d: section scenario, key base: cannot read '%s'"
                                % (path, base[2], base[0]))
        entries = load_entries(bpath, stack + (apath,))
    included = {}
    for val, rowno in includes:
        tpath = os.path.join(os.path.dirname(path), val)
        if not os.path.isfile(tpath):
            raise ScenarioError("%s: row %d: section scenario, key include: cannot read '%s'"
                                % (path, rowno, val))
        for sec, key, v, r in read_table(tpath):
            if (sec, key) in included:
                first = included[(sec, key)]
                raise ScenarioError("%s:%d: %s.%s: given twice in included tables (first in %s:%d)"
                                    % (tpath, r, sec, key, first[1], first[2]))
            included[(sec, key)] = (v, tpath, r, True)
    for k, e in included.items():
        entries[k] = e
    for k, e in own.items():
        entries[k] = e
    return entries


def split_section(sec):
    if ":" in sec:
        kind, name = sec.split(":", 1)
        return kind, name
    return sec, None


def valid_name(name):
    return bool(name) and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)


def resolve_templates(sections):
    """Templates: like.  `SECTION,like,OTHER` makes SECTION a copy of every
    row of OTHER (after OTHER's own like; a cycle is an error); SECTION's own
    rows then replace the copied ones, row by row (KEY and KEY@Y are
    different rows).  `enabled` (and `like` itself) is never copied.
    Returns a new ordered dict section -> {key: entry}."""
    resolved = {}

    def resolve(sec, path):
        if sec in resolved:
            return resolved[sec]
        own = sections[sec]
        if "like" not in own:
            resolved[sec] = own
            return own
        ent = own["like"]
        other = ent[0].strip()
        where = where_of(sec, "like", ent)
        kind, _ = split_section(sec)
        okind, oname = split_section(other)
        if oname is None or okind != kind:
            raise ScenarioError("%s: like must name a section of the same kind, written in full "
                                "(e.g. %s:NAME), not '%s'" % (where, kind, other))
        if other not in sections:
            raise ScenarioError("%s: like: no section %s" % (where, other))
        if other in path + (sec,):
            cyc = path + (sec, other)
            raise ScenarioError("%s: like cycle: %s" % (where, " -> ".join(cyc[cyc.index(other):])))
        tmpl = resolve(other, path + (sec,))
        merged = {k: e for k, e in tmpl.items() if k not in ("enabled", "like")}
        for k, e in own.items():
            if k != "like":
                merged[k] = e
        resolved[sec] = merged
        return merged

    out = {}
    for sec, ents in sections.items():
        kind, name = split_section(sec)
        if name is not None and kind in LIKE_KINDS:
            out[sec] = resolve(sec, ())
        else:
            out[sec] = ents
    return out


def convert(spec, val, where):
    kind = spec[0]
    try:
        if kind == "num":
            x = parse_number(val)
            if not math.isfinite(x):
                raise ValueError
            return x
        if kind == "int":
            x = parse_number(val)
            if x != int(x):
                raise ValueError
            return int(x)
        if kind == "shape":
            if val not in ("linear", "logistic"):
                raise ValueError
            return val
        if kind == "choice":
            if val not in spec[2]:
                raise ValueError
            return val
        return val
    except (ValueError, OverflowError):
        raise ScenarioError("%s: bad value '%s'" % (where, val))


def check_range(sec_kind, key, spec, x, where):
    """Range rules: fractions in [0,1]; yes/no keys 0 or 1; positive keys
    > 0; every other number >= 0 unless it is a growth rate or may be
    negative."""
    if spec[0] not in ("num", "int"):
        return
    if key in FRACTION_KEYS and not (0.0 <= x <= 1.0):
        raise ScenarioError("%s: value out of range [0,1]" % where)
    if key in BOOL_KEYS and x not in (0, 1):
        raise ScenarioError("%s: value must be 0 or 1" % where)
    if key in POSITIVE_KEYS.get(sec_kind, ()) and not x > 0:
        raise ScenarioError("%s: value out of range (must be > 0)" % where)
    if key not in MAY_BE_NEGATIVE and not key.endswith("growth") and x < 0:
        raise ScenarioError("%s: value out of range (< 0)" % where)


def parse_step_year(text, where):
    """KEY@Y: Y whole, >= 2."""
    try:
        y = parse_number(text)
        if y != int(y):
            raise ValueError
        y = int(y)
    except (ValueError, OverflowError):
        raise ScenarioError("%s: the year of a schedule step must be a whole number" % where)
    if y < 2:
        raise ScenarioError("%s: the year of a schedule step must be >= 2" % where)
    return y


def build_section(sec, kind, keys, entries_for_section, lenient, required=True):
    """Apply defaults from MODEL.md and convert values.  KEY@Y rows of a
    scheduled key go to out['_steps'][KEY] = [(Y, value), ...] (sorted).
    `required` False (a disabled section) skips the missing-key check."""
    out = {}
    steps = {}
    sched = SCHEDULED.get(kind, {})
    for key, ent in entries_for_section.items():
        val = ent[0]
        where = where_of(sec, key, ent)
        base, year = key, None
        if "@" in key:
            base, ytext = key.split("@", 1)
            if base not in keys:
                if lenient:
                    print("warning: %s: unknown key (ignored)" % where, file=sys.stderr)
                    continue
                raise ScenarioError("%s: unknown key" % where)
            if base not in sched:
                raise ScenarioError("%s: %s is not a scheduled key (no KEY@Y rows)" % (where, base))
            year = parse_step_year(ytext, where)
        elif key not in keys:
            if lenient:
                print("warning: %s: unknown key (ignored)" % where, file=sys.stderr)
                continue
            raise ScenarioError("%s: unknown key" % where)
        x = convert(keys[base], val, where)
        check_range(kind, base, keys[base], x, where)
        if year is None:
            out[key] = x
        else:
            if year in steps.setdefault(base, {}):
                raise ScenarioError("%s: a second step for %s in year %d" % (where, base, year))
            steps[base][year] = x
    for key, spec in keys.items():
        if key not in out:
            if spec[1] is REQ:
                if required:
                    raise ScenarioError("section %s: missing required key %s" % (sec, key))
                out[key] = 0.0
            else:
                out[key] = spec[1]
    out["_steps"] = {k: sorted(d.items()) for k, d in steps.items()}
    return out


def where_key(sec, ents, key):
    """The location of SECTION's KEY row when it has one (file, row), else the section and key."""
    if key in ents:
        return where_of(sec, key, ents[key])
    return "section %s, key %s" % (sec, key)


def section_enabled(sec, ents):
    ent = ents.get("enabled")
    if ent is None:
        return True
    where = where_of(sec, "enabled", ent)
    x = convert(("int", 1), ent[0], where)
    if x < 0:
        raise ScenarioError("%s: value out of range (< 0)" % where)
    return bool(x)


def parse_start(text, where="section scenario, key start"):
    """scenario start YYYY-MM -> (year, month); None when not given."""
    if not text:
        return None
    mt = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not mt or not (1 <= int(mt.group(2)) <= 12):
        raise ScenarioError("%s: '%s' is not YYYY-MM" % (where, text))
    return int(mt.group(1)), int(mt.group(2))


def parse_scenario(path, lenient=False):
    entries = load_entries(path)
    # group by section, keeping order of first appearance
    sections = {}
    for (sec, key), v in entries.items():
        sections.setdefault(sec, {})[key] = v
    sections = resolve_templates(sections)

    scen = {
        "scenario": build_section("scenario", "scenario", SCENARIO_KEYS,
                                  sections.get("scenario", {}), lenient),
        "communities": [],   # list of dicts with 'name'
        "levers": [],        # list of dicts with 'name', 'type' (enabled only)
        "fund": build_section("fund", "fund", FUND_KEYS, sections.get("fund", {}), lenient),
        "grants": [],
        "loans": [],         # enabled only
        "optimize": build_section("optimize", "optimize", OPTIMIZE_KEYS,
                                  sections.get("optimize", {}), lenient),
    }
    lever_names = set()
    for sec, ents in sections.items():
        kind, name = split_section(sec)
        if kind in PLAIN_SECTIONS and name is None:
            continue
        if name is None or not valid_name(name):
            msg = "section %s: unknown section or bad name" % sec
            if lenient:
                print("warning: " + msg + " (ignored)", file=sys.stderr)
                continue
            raise ScenarioError(msg)
        if kind == "community":
            c = build_section(sec, kind, COMMUNITY_KEYS, ents, lenient)
            if c["collection_target"] is None:
                c["collection_target"] = c["collection_start"]
            if c["ramp_start_month"] < 1:
                raise ScenarioError("%s: must be >= 1" % where_key(sec, ents, "ramp_start_month"))
            c["name"] = name
            c["type"] = "community"
            scen["communities"].append(c)
        elif kind in LEVER_KINDS:
            keys = dict(LEVER_COMMON_KEYS)
            keys.update(LEVER_KEYS[kind])
            enabled = section_enabled(sec, ents)
            lv = build_section(sec, kind, keys, ents, lenient, required=enabled)
            lv["name"] = name
            lv["type"] = kind
            lv["_where_community"] = where_key(sec, ents, "community")
            if name in lever_names:
                raise ScenarioError("section %s: lever name not unique" % sec)
            lever_names.add(name)
            if kind in KIND_LABELS and lv["kind"] and lv["kind"] not in KIND_LABELS[kind]:
                raise ScenarioError("%s: unknown kind '%s'" % (where_key(sec, ents, "kind"), lv["kind"]))
            if lv["start_month"] < 1:
                raise ScenarioError("%s: must be >= 1" % where_key(sec, ents, "start_month"))
            if lv["size_max"] is not None:
                if lv["size_max"] < 1:
                    raise ScenarioError("%s: must be >= 1" % where_key(sec, ents, "size_max"))
                if lv["size_min"] > lv["size_max"]:
                    raise ScenarioError("%s: must be <= size_max" % where_key(sec, ents, "size_min"))
            if enabled and kind == "chargers":
                prices = [lv["price_per_session"], lv["price_per_kwh"]]
                for k in ("price_per_session", "price_per_kwh"):
                    prices += [v for _, v in lv["_steps"].get(k, [])]
                if not any(p > 0 for p in prices):
                    raise ScenarioError("section %s: price_per_session or price_per_kwh must be > 0"
                                        % sec)
            if enabled:
                scen["levers"].append(lv)
        elif kind == "grant":
            g = build_section(sec, kind, GRANT_KEYS, ents, lenient)
            g["name"] = name
            if g["month"] < 1:
                raise ScenarioError("%s: must be >= 1" % where_key(sec, ents, "month"))
            scen["grants"].append(g)
        elif kind == "loan":
            enabled = section_enabled(sec, ents)
            ln = build_section(sec, kind, LOAN_KEYS, ents, lenient, required=enabled)
            ln["name"] = name
            if ln["month"] < 1:
                raise ScenarioError("%s: must be >= 1" % where_key(sec, ents, "month"))
            if enabled:
                n = loan_term_months(ln)
                if n < 1:
                    raise ScenarioError("%s: less than one month" % where_key(sec, ents, "term_years"))
                if ln["grace_months"] >= n:
                    raise ScenarioError("%s: must be < the term (%d months)"
                                        % (where_key(sec, ents, "grace_months"), n))
                scen["loans"].append(ln)
        else:
            msg = "section %s: unknown section" % sec
            if lenient:
                print("warning: " + msg + " (ignored)", file=sys.stderr)
                continue
            raise ScenarioError(msg)

    sc = scen["scenario"]
    if not scen["communities"]:
        raise ScenarioError("%s: no community section" % path)
    if sc["horizon_years"] < 1:
        raise ScenarioError("%s: horizon_years must be >= 1" % path)
    if sc["discount_rate"] <= -1:
        raise ScenarioError("%s: discount_rate must be > -1" % path)
    sents = sections.get("scenario", {})
    if sc["stabilized_year"] is not None and not (1 <= sc["stabilized_year"] <= sc["horizon_years"]):
        raise ScenarioError("%s: must lie in 1 .. horizon_years (%d)"
                            % (where_key("scenario", sents, "stabilized_year"), sc["horizon_years"]))
    sc["start_ym"] = parse_start(sc["start"], where_key("scenario", sents, "start"))
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
            raise ScenarioError("%s: no community '%s'" % (lv["_where_community"], c))
        lv["community"] = c
    return scen


# ---------------------------------------------------------------------------
# Schedules: KEY@Y
# ---------------------------------------------------------------------------

def scheduled(obj, key, y):
    """value(y) = v_k * (1+g)^(y - Y_k), Y_k the largest step year <= y (the
    plain row is the step of year 1), g the key's growth rate.
    Returns the pair (v_k, (1+g)^(y - Y_k)) so that callers multiply in
    part 1's order (KEY * ... * growth)."""
    g = obj[SCHEDULED[obj["type"]][key]]
    yk, vk = 1, obj[key]
    for ys, vs in obj.get("_steps", {}).get(key, ()):
        if ys <= y:
            yk, vk = ys, vs
    return vk, (1.0 + g) ** (y - yk)


# ---------------------------------------------------------------------------
# community:NAME
# ---------------------------------------------------------------------------

def community_collection(c, m):
    """collection ramp from collection_start to collection_target, beginning in
    month ramp_start_month (1); collection_start before it."""
    return ramped_value(m, c.get("ramp_start_month", 1), c["collection_start"],
                        c["collection_target"], c["ramp_months"], c["ramp_shape"])


def community_fee(c, m):
    """fee(m) = area_m2 * fee_rate(y) * collection(m),
    fee_rate(y) = v_k * (1+fee_growth)^(y-Y_k)  (part 1: fee_rate * growth)"""
    v, f = scheduled(c, "fee_rate", year_of(m))
    return c["area_m2"] * v * f * community_collection(c, m)


def community_cost(c, m):
    """cost(m) = cost_annual(y)/12, cost_annual(y) = v_k * (1+cost_growth)^(y-Y_k)"""
    v, f = scheduled(c, "cost_annual", year_of(m))
    return v / 12.0 * f


def community_gap(c, m):
    """gap(m) = cost(m) - fee(m)"""
    return community_cost(c, m) - community_fee(c, m)


def community_deficit_before(c):
    """deficit_before = 12 * (cost_annual/12 - area_m2 * fee_rate * collection_start)
    (year-1 values)"""
    return 12.0 * (c["cost_annual"] / 12.0 - c["area_m2"] * c["fee_rate"] * c["collection_start"])


def community_completion_month(c):
    """a community's collection completes in month ramp_start_month - 1 + max(ramp_months, 1)"""
    return c.get("ramp_start_month", 1) - 1 + max(c["ramp_months"], 1)


# ---------------------------------------------------------------------------
# Levers: common
# ---------------------------------------------------------------------------

def lever_operating_start(lv):
    """o = s + b (b = build_months)"""
    return lv["start_month"] + lv.get("build_months", 0)


def lever_active(lv, m):
    """Before o a lever earns and spends nothing (but its capex parts)."""
    return m >= lever_operating_start(lv)


def lever_ramp(lv, m, start, target):
    """the ramp's progress starts at o"""
    return ramped_value(m, lever_operating_start(lv), start, target, lv["ramp_months"], lv["ramp_shape"])


def lever_completion_month(lv):
    """o - 1 + max(ramp_months, 1) + rent_free_months"""
    f = lv["rent_free_months"] if lv["type"] == "shops" else 0
    return lever_operating_start(lv) - 1 + max(lv["ramp_months"], 1) + f


def spread_capex(lv, m, c):
    """One-off capex c: spread evenly over months s .. o-1 (c/b a month) when
    b > 0, in month s when b = 0."""
    s, b = lv["start_month"], lv.get("build_months", 0)
    if b == 0:
        return c if m == s else 0.0
    return c / b if s <= m <= s + b - 1 else 0.0


def lever_tax(lv, gross):
    """tax(m) = tax_rate * gross(m) * (1 - share_out)"""
    return lv.get("tax_rate", 0.0) * gross * (1.0 - lv["share_out"])


def lever_oneoff_subsidy(lv, m):
    """subsidy_per_unit * units (+ chargers: subsidy_per_kw * ports * kw_per_port;
    other: subsidy), once, in month o + subsidy_lag_months."""
    if m != lever_operating_start(lv) + lv["subsidy_lag_months"]:
        return 0.0
    t = lv["type"]
    if t == "shops":
        return lv["subsidy_per_unit"] * lv["count"]
    if t == "parking":
        return lv["subsidy_per_unit"] * lv["spaces"]
    if t == "chargers":
        return (lv["subsidy_per_unit"] * lv["ports"]
                + lv["subsidy_per_kw"] * lv["ports"] * lv["kw_per_port"])
    return lv["subsidy"]


def lever_depreciation_months(lv):
    """N = round(12 * D), D = depreciation_years (default: life_years for a
    charger with life_years > 0, else 10); at least 1."""
    d = lv.get("depreciation_years")
    if d is None:
        d = lv["life_years"] if lv["type"] == "chargers" and lv["life_years"] > 0 else 10.0
    return max(1, round_half_away(12.0 * d))


# ---------------------------------------------------------------------------
# shops:NAME
# ---------------------------------------------------------------------------

def shops_occupancy(lv, m):
    return lever_ramp(lv, m, lv["occupancy_start"], lv["occupancy_target"])


def shops_paying_occupancy(lv, m):
    """paying occupancy(m) = occupancy(m - f) when m - f >= o, else occupancy_start (m >= o)."""
    o, f = lever_operating_start(lv), lv["rent_free_months"]
    if m - f >= o:
        return shops_occupancy(lv, m - f)
    return lv["occupancy_start"]


def shops_gross(lv, m):
    """gross(m) = count * area_m2 * paying_occupancy(m) * rent(y) * (1+rent_uplift)"""
    v, f = scheduled(lv, "rent", year_of(m))
    return (lv["count"] * lv["area_m2"] * shops_paying_occupancy(lv, m) * v
            * (1.0 + lv["rent_uplift"]) * f)


def shops_master(lv, m):
    """master_rent(y) CNY/m2/month paid on every shop (count*area_m2) from o."""
    v, f = scheduled(lv, "master_rent", year_of(m))
    return v * lv["count"] * lv["area_m2"] * f


def shops_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_fixed"""
    return lv["opex_rate"] * gross + lv["opex_fixed"]


def shops_capex(lv, m):
    """fitout_capex per shop, once (spread over the building months)."""
    return spread_capex(lv, m, lv["fitout_capex"] * lv["count"])


# ---------------------------------------------------------------------------
# parking:NAME
# ---------------------------------------------------------------------------

def parking_utilization(lv, m):
    return lever_ramp(lv, m, lv["utilization_start"], lv["utilization_target"])


def parking_gross(lv, m):
    """gross(m) = spaces * utilization(m) * fee(y)"""
    v, f = scheduled(lv, "fee", year_of(m))
    return lv["spaces"] * parking_utilization(lv, m) * v * f


def parking_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_per_space * spaces (every space, from o)"""
    return lv["opex_rate"] * gross + lv["opex_per_space"] * lv["spaces"]


def parking_capex(lv, m):
    """capex_per_space * spaces, once (spread over the building months)."""
    return spread_capex(lv, m, lv["capex_per_space"] * lv["spaces"])


# ---------------------------------------------------------------------------
# chargers:NAME
# ---------------------------------------------------------------------------

def chargers_sessions(lv, m):
    """sessions(m) = ports * sessions_per_day(m) * days_per_month"""
    spd = lever_ramp(lv, m, lv["sessions_start"], lv["sessions_target"])
    return lv["ports"] * spd * DAYS_PER_MONTH


def chargers_gross(lv, m):
    """gross(m) = sessions(m) * (price_per_session(y) + kwh_per_session * price_per_kwh(y)),
    each price with price_growth from its own steps."""
    y = year_of(m)
    vs, fs = scheduled(lv, "price_per_session", y)
    vk, fk = scheduled(lv, "price_per_kwh", y)
    if fs == fk:  # part 1's order: (pps + kwh*ppk) * growth
        return chargers_sessions(lv, m) * (vs + lv["kwh_per_session"] * vk) * fs
    return chargers_sessions(lv, m) * (vs * fs + lv["kwh_per_session"] * vk * fk)


def chargers_energy(lv, m):
    """energy(m) = sessions(m) * kwh_per_session * electricity_cost(y)"""
    v, f = scheduled(lv, "electricity_cost", year_of(m))
    return chargers_sessions(lv, m) * lv["kwh_per_session"] * v * f


def chargers_opex(lv, m, gross):
    """opex(m) = opex_rate * gross(m) + opex_per_port * ports (every port, from o)"""
    return lv["opex_rate"] * gross + lv["opex_per_port"] * lv["ports"]


def chargers_renewal_period(lv):
    """P = life_years*12 rounded to the nearest whole month; 0 = never renewed."""
    if lv["life_years"] <= 0:
        return 0
    return max(1, round_half_away(lv["life_years"] * 12.0))


def chargers_capex(lv, m):
    """capex_per_port * ports: the first one in month s (spread over s .. o-1
    when b > 0), renewals in months o+P, o+2P, ..."""
    c = lv["capex_per_port"] * lv["ports"]
    amount = spread_capex(lv, m, c)
    o = lever_operating_start(lv)
    P = chargers_renewal_period(lv)
    if P > 0 and m > o and (m - o) % P == 0:
        amount += c
    return amount


def chargers_kwh_subsidy(lv, m):
    """subsidy_per_kwh * sessions(m) * kwh_per_session in months
    o .. o - 1 + round(12 * subsidy_years) (subsidy_years 0: every month from o)."""
    if lv["subsidy_per_kwh"] == 0 or not lever_active(lv, m):
        return 0.0
    if lv["subsidy_years"] > 0:
        n = round_half_away(12.0 * lv["subsidy_years"])
        if m > lever_operating_start(lv) - 1 + n:
            return 0.0
    return chargers_sessions(lv, m) * lv["kwh_per_session"] * lv["subsidy_per_kwh"]


# ---------------------------------------------------------------------------
# other:NAME
# ---------------------------------------------------------------------------

def other_gross(lv, m):
    """gross(m) = income(y) * L(p(m))"""
    v, f = scheduled(lv, "income", year_of(m))
    p = ramp_progress(m, lever_operating_start(lv), lv["ramp_months"])
    return v * ramp_shape(p, lv["ramp_shape"]) * f


def other_opex(lv, m, gross):
    """opex_fixed CNY/month from o."""
    return lv["opex_fixed"]


def other_capex(lv, m):
    """capex, once (spread over the building months)."""
    return spread_capex(lv, m, lv["capex"])


# ---------------------------------------------------------------------------
# Any lever
# ---------------------------------------------------------------------------

GROSS = {"shops": shops_gross, "parking": parking_gross, "chargers": chargers_gross, "other": other_gross}
OPEX = {"shops": shops_opex, "parking": parking_opex, "chargers": chargers_opex, "other": other_opex}
CAPEX = {"shops": shops_capex, "parking": parking_capex, "chargers": chargers_capex, "other": other_capex}


def lever_month(lv, m):
    """Flows of one lever in month m: gross, tax, opex, master, energy, costs
    (opex + master + energy), net, capex, subsidy.
    net(m) = gross(m)*(1 - share_out) - tax(m) - opex(m) - master(m) - energy(m)."""
    t = lv["type"]
    res = {"gross": 0.0, "tax": 0.0, "opex": 0.0, "master": 0.0, "energy": 0.0,
           "costs": 0.0, "net": 0.0}
    if lever_active(lv, m):
        gross = GROSS[t](lv, m)
        tax = lever_tax(lv, gross)
        opex = OPEX[t](lv, m, gross)
        master = shops_master(lv, m) if t == "shops" else 0.0
        energy = chargers_energy(lv, m) if t == "chargers" else 0.0
        net = gross * (1.0 - lv["share_out"]) - tax - opex - master - energy
        res.update(gross=gross, tax=tax, opex=opex, master=master, energy=energy,
                   costs=opex + master + energy, net=net)
    res["capex"] = CAPEX[t](lv, m)
    sub = lever_oneoff_subsidy(lv, m)
    if t == "chargers":
        sub += chargers_kwh_subsidy(lv, m)
    res["subsidy"] = sub
    return res


def lever_depreciation(capex, N, M):
    """dep(m): every capex amount c paid in month t adds c/N to dep(m) for
    m = t .. t+N-1.  capex is the lever's monthly series (index 1..M)."""
    dep = [0.0] * (M + 1)
    for t in range(1, M + 1):
        c = capex[t]
        if c:
            for m in range(t, min(M, t + N - 1) + 1):
                dep[m] += c / N
    return dep


# ---------------------------------------------------------------------------
# Financing: loan:NAME
# ---------------------------------------------------------------------------

def loan_term_months(ln):
    """n = round(12 * term_years)"""
    return round_half_away(12.0 * ln["term_years"])


def annuity_payment(B, i, k):
    """A = B * i / (1 - (1+i)^(-k)); A = B/k when i = 0"""
    if i == 0:
        return B / k
    return B * i / (1.0 - (1.0 + i) ** (-k))


def loan_schedule(ln, M):
    """B(m) = 0 for m < d, B(d) = amount.  For m = d+1 .. min(d+n, M):
    interest(m) = i * B(m-1); principal(m) = 0 for m <= d+g; for m > d+g,
    k = n - g: annuity A - interest(m); equal_principal B(d+g)/k; bullet
    B(m-1) in month d+n.  B(m) = B(m-1) - principal(m).
    Returns lists (draws, interest, principal, balance), index 1..M.
    A loan drawn after the horizon is ignored."""
    draws, interest, principal, bal = ([0.0] * (M + 1) for _ in range(4))
    d, n, g = ln["month"], loan_term_months(ln), ln["grace_months"]
    i = ln["rate"] / 12.0
    k = n - g
    if d > M:
        return draws, interest, principal, bal
    draws[d] = ln["amount"]
    bal[d] = ln["amount"]
    A = None
    for m in range(d + 1, min(d + n, M) + 1):
        b0 = bal[m - 1]
        it = i * b0
        if m <= d + g:
            p = 0.0
        elif ln["repayment"] == "annuity":
            if A is None:
                A = annuity_payment(bal[d + g], i, k)
            p = A - it
        elif ln["repayment"] == "equal_principal":
            p = bal[d + g] / k
        else:  # bullet
            p = b0 if m == d + n else 0.0
        interest[m] = it
        principal[m] = p
        # the last payment repays the balance; it is then exactly 0
        bal[m] = 0.0 if m == d + n else b0 - p
    return draws, interest, principal, bal


# ---------------------------------------------------------------------------
# The fund's own money; income tax
# ---------------------------------------------------------------------------

def fund_interest(prev, interest_rate, overdraft_rate):
    """fund_interest(m) = fund(m-1)*interest_rate/12 if fund(m-1) > 0,
    fund(m-1)*overdraft_rate/12 if fund(m-1) < 0, else 0."""
    if prev > 0:
        return prev * interest_rate / 12.0
    if prev < 0:
        return prev * overdraft_rate / 12.0
    return 0.0


def taxable_after_losses(y, profit, losses):
    """A loss (profit_y < 0) is carried forward 5 years: it may reduce the
    profit of years y+1 .. y+5, oldest first; what a year uses is gone.
    taxable_y = max(0, profit_y - the losses used in y).
    losses: list of [year, remaining], updated in place."""
    losses[:] = [l for l in losses if y - l[0] <= CARRY_FORWARD_YEARS and l[1] > 0]
    if profit < 0:
        losses.append([y, -profit])
        return 0.0
    left = profit
    for l in losses:
        if left <= 0:
            break
        use = min(l[1], left)
        l[1] -= use
        left -= use
    return max(0.0, left)


# ---------------------------------------------------------------------------
# Portfolio results
# ---------------------------------------------------------------------------

def coverage(net_income, deficit):
    """coverage = net_income / deficit, empty (None) when deficit <= 0."""
    if deficit <= 0:
        return None
    return net_income / deficit


def dscr(net_income, debt_service):
    """dscr = sum net_income / sum debt_service; empty when there is no debt service."""
    if debt_service <= 0:
        return None
    return net_income / debt_service


def is_covered(net_income, deficit):
    """A year counts as covered when coverage >= 1 or deficit <= 0."""
    c = coverage(net_income, deficit)
    return c is None or c >= 1.0


def grants_in_month(scen, m):
    return sum(g["amount"] for g in scen["grants"] if g["month"] == m)


LEVER_SERIES = ("gross", "tax", "costs", "net", "capex", "subsidy", "dep")
MONTH_SERIES = ("revenue", "net_income", "capex", "fee_income", "mgmt_cost", "gap",
                "cf", "surplus", "grants", "fund", "tax", "subsidy", "income_tax",
                "fund_interest", "draws", "interest", "principal", "debt_service",
                "debt_balance", "cf_equity", "dep")


def simulate(scen):
    """Monthly portfolio series, per-lever series and per-community series
    for months 1..M (index 0 unused except fund(0))."""
    H = scen["scenario"]["horizon_years"]
    M = 12 * H
    comms = scen["communities"]
    levers = scen["levers"]
    fundp = scen["fund"]
    mon = {k: [0.0] * (M + 1) for k in MONTH_SERIES}
    lev = {lv["name"]: {k: [0.0] * (M + 1) for k in LEVER_SERIES} for lv in levers}
    com = {c["name"]: {k: [0.0] * (M + 1) for k in ("revenue", "net_income", "fee_income", "mgmt_cost", "gap")}
           for c in comms}

    # levers and communities do not depend on the fund
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
            f = lever_month(lv, m)
            ll = lev[lv["name"]]
            for k in ("gross", "tax", "costs", "net", "capex", "subsidy"):
                ll[k][m] = f[k]
            cc = com[lv["community"]]
            cc["revenue"][m] += f["gross"]
            cc["net_income"][m] += f["net"]
            mon["revenue"][m] += f["gross"]
            mon["net_income"][m] += f["net"]
            mon["capex"][m] += f["capex"]
            mon["tax"][m] += f["tax"]
            mon["subsidy"][m] += f["subsidy"]
    for lv in levers:
        ll = lev[lv["name"]]
        ll["dep"] = lever_depreciation(ll["capex"], lever_depreciation_months(lv), M)
        for m in range(1, M + 1):
            mon["dep"][m] += ll["dep"][m]
    for ln in scen["loans"]:
        dr, it, pr, bal = loan_schedule(ln, M)
        for m in range(1, M + 1):
            mon["draws"][m] += dr[m]
            mon["interest"][m] += it[m]
            mon["principal"][m] += pr[m]
            mon["debt_balance"][m] += bal[m]

    itr = scen["scenario"]["income_tax_rate"]
    mon["fund"][0] = fundp["initial"]
    losses = []
    profit_acc = 0.0
    for m in range(1, M + 1):
        # gap = mgmt_cost - fee_income
        mon["gap"][m] = mon["mgmt_cost"][m] - mon["fee_income"][m]
        # surplus(m) = net_income(m) - gap(m)
        mon["surplus"][m] = mon["net_income"][m] - mon["gap"][m]
        mon["grants"][m] = grants_in_month(scen, m)
        # debt_service(m) = interest(m) + principal(m)
        mon["debt_service"][m] = mon["interest"][m] + mon["principal"][m]
        fi = fund_interest(mon["fund"][m - 1], fundp["interest_rate"], fundp["overdraft_rate"])
        mon["fund_interest"][m] = fi
        # profit_y = sum over y of (surplus + subsidy + fund_interest - interest) - dep_y
        profit_acc += mon["surplus"][m] + mon["subsidy"][m] + fi - mon["interest"][m]
        itax = 0.0
        if m % 12 == 0:
            y = m // 12
            profit = profit_acc - year_sum(mon["dep"], y)
            # income_tax(12y) = income_tax_rate * taxable_y
            itax = itr * taxable_after_losses(y, profit, losses)
            profit_acc = 0.0
        mon["income_tax"][m] = itax
        # cf(m) = net_income(m) - capex(m) + subsidy(m) - income_tax(m)
        mon["cf"][m] = mon["net_income"][m] - mon["capex"][m] + mon["subsidy"][m] - itax
        # cf_equity(m) = cf(m) + draws(m) - debt_service(m)
        mon["cf_equity"][m] = mon["cf"][m] + mon["draws"][m] - mon["debt_service"][m]
        # fund(m) = fund(m-1) + surplus - capex + subsidy + grants + draws
        #           - debt_service - income_tax + fund_interest
        mon["fund"][m] = (mon["fund"][m - 1] + mon["surplus"][m] - mon["capex"][m]
                          + mon["subsidy"][m] + mon["grants"][m] + mon["draws"][m]
                          - mon["debt_service"][m] - itax + fi)
    return M, mon, lev, com


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
    terms = [(m, cf[m]) for m in range(1, len(cf)) if cf[m] != 0]  # zero terms add exactly 0

    def f(v):  # v = 1 + x
        return sum(c * v ** (-m / 12.0) for m, c in terms)

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
    (the last year if none); `scenario,stabilized_year,Y` pins it."""
    pin = scen["scenario"].get("stabilized_year")
    if pin is not None:
        return pin
    completions = [community_completion_month(c) for c in scen["communities"]]
    completions += [lever_completion_month(lv) for lv in scen["levers"]]
    last = max(completions)
    for y in range(1, H + 1):
        if 12 * (y - 1) + 1 >= last:
            return y
    return H


def months_below_reserve(fund, reserve):
    """months_below_reserve counts the months m >= 1 with fund(m) < reserve."""
    return sum(1 for x in fund[1:] if x < reserve)


# ---------------------------------------------------------------------------
# Results tables
# ---------------------------------------------------------------------------

# column -> monthly series summed over a period
FLOW_COLUMNS = (("revenue", "revenue"), ("net_income", "net_income"), ("capex", "capex"),
                ("fee_income", "fee_income"), ("mgmt_cost", "mgmt_cost"), ("deficit", "gap"),
                ("surplus", "surplus"), ("tax", "tax"), ("subsidy", "subsidy"),
                ("income_tax", "income_tax"), ("fund_interest", "fund_interest"),
                ("draws", "draws"), ("interest", "interest"), ("principal", "principal"),
                ("debt_service", "debt_service"), ("cf", "cf"), ("cf_equity", "cf_equity"))

BASE_COLUMNS = ["revenue", "net_income", "capex", "fee_income", "mgmt_cost",
                "deficit", "coverage", "surplus", "fund_end",
                "tax", "subsidy", "income_tax", "fund_interest", "draws", "interest",
                "principal", "debt_service", "debt_balance", "dscr", "cf", "cf_equity"]


def period_row(mon, lever_series, lever_names, a, b):
    """Sums of months a..b; fund_end and debt_balance at month b; coverage
    and dscr recomputed from the sums."""
    row = {}
    for col, key in FLOW_COLUMNS:
        row[col] = sum(mon[key][a:b + 1])
    row["coverage"] = coverage(row["net_income"], row["deficit"])
    row["dscr"] = dscr(row["net_income"], row["debt_service"])
    row["fund_end"] = mon["fund"][b]
    row["debt_balance"] = mon["debt_balance"][b]
    for n in lever_names:
        row["revenue:" + n] = sum(lever_series[n]["gross"][a:b + 1])
    return row


def calendar_periods(start_ym, M):
    """(calendar_year, first model month, last model month) for every calendar
    year touched by months 1..M; month 1 is the start calendar month."""
    y0, m0 = start_ym
    out = []
    for m in range(1, M + 1):
        cy = y0 + (m0 - 1 + m - 1) // 12
        if out and out[-1][0] == cy:
            out[-1][2] = m
        else:
            out.append([cy, m, m])
    return out


def compute(scen):
    """Return dict with 'annual', 'monthly', 'communities', 'levers',
    'lever_summary', 'calendar' (lists of rows as dicts, calendar None when
    no start) and 'summary' (ordered list of (metric, value))."""
    H = scen["scenario"]["horizon_years"]
    r = scen["scenario"]["discount_rate"]
    M, mon, lev, com = simulate(scen)
    lever_names = [lv["name"] for lv in scen["levers"]]

    monthly = []
    for m in range(1, M + 1):
        row = period_row(mon, lev, lever_names, m, m)
        row["dscr"] = None  # monthly: empty
        row["month"] = m
        row["year"] = year_of(m)
        monthly.append(row)

    annual = []
    for y in range(1, H + 1):
        row = period_row(mon, lev, lever_names, 12 * (y - 1) + 1, 12 * y)
        row["year"] = y
        annual.append(row)

    calendar = None
    if scen["scenario"]["start_ym"] is not None:
        calendar = []
        for cy, a, b in calendar_periods(scen["scenario"]["start_ym"], M):
            row = period_row(mon, lev, lever_names, a, b)
            row["calendar_year"] = cy
            row["months"] = b - a + 1
            calendar.append(row)

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

    levers_rows = []
    lever_summary = []
    for lv in scen["levers"]:
        ll = lev[lv["name"]]
        # cf = net_income - capex + subsidy
        lcf = [0.0] + [ll["net"][m] - ll["capex"][m] + ll["subsidy"][m] for m in range(1, M + 1)]
        for y in range(1, H + 1):
            levers_rows.append({
                "lever": lv["name"], "kind": lv["type"], "community": lv["community"], "year": y,
                "revenue": year_sum(ll["gross"], y), "tax": year_sum(ll["tax"], y),
                "costs": year_sum(ll["costs"], y), "net_income": year_sum(ll["net"], y),
                "capex": year_sum(ll["capex"], y), "subsidy": year_sum(ll["subsidy"], y),
                "cf": year_sum(lcf, y),
            })
        net_stab = year_sum(ll["net"], sy)
        pb = payback_months(lcf)
        lever_summary.append({
            "lever": lv["name"], "kind": lv["type"], "community": lv["community"],
            "capex_total": sum(ll["capex"][1:]), "subsidy_total": sum(ll["subsidy"][1:]),
            "net_income_stabilized": net_stab, "npv": npv(lcf, r), "irr": irr(lcf),
            "payback_years": None if pb is None else pb / 12.0,
            # coverage_share = net_income_stabilized / portfolio deficit in the stabilized year
            "coverage_share": coverage(net_stab, ys["deficit"]),
        })

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
    dscrs = [row["dscr"] for row in annual if row["dscr"] is not None]
    dscr_min = min(dscrs) if dscrs else None

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
        # part 2
        ("tax_total", sum(mon["tax"][1:])),
        ("subsidy_total", sum(mon["subsidy"][1:])),
        ("income_tax_total", sum(mon["income_tax"][1:])),
        ("debt_service_total", sum(mon["debt_service"][1:])),
        ("dscr_min", dscr_min),
        ("p_dscr_above_1", 1 if dscr_min is None or dscr_min >= 1 else 0),
        ("debt_end", mon["debt_balance"][M]),
        # npv_equity = sum cf_equity(m) * (1+r)^(-m/12)
        ("npv_equity", npv(mon["cf_equity"], r)),
        ("months_below_reserve", months_below_reserve(mon["fund"], scen["fund"]["reserve"])),
    ]
    return {"annual": annual, "monthly": monthly, "communities": communities,
            "summary": summary, "lever_names": lever_names, "levers": levers_rows,
            "lever_summary": lever_summary, "calendar": calendar}


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


LEVERS_COLUMNS = ["lever", "kind", "community", "year", "revenue", "tax", "costs",
                  "net_income", "capex", "subsidy", "cf"]
LEVER_SUMMARY_COLUMNS = ["lever", "kind", "community", "capex_total", "subsidy_total",
                         "net_income_stabilized", "npv", "irr", "payback_years", "coverage_share"]


def output_texts(res):
    lever_cols = ["revenue:" + n for n in res["lever_names"]]
    summ_rows = [{"metric": k, "unit": "", "base": v, "mean": None, "p10": None,
                  "p50": None, "p90": None} for k, v in res["summary"]]
    out = {
        "annual.csv": table_text(["year"] + BASE_COLUMNS + lever_cols, res["annual"]),
        "monthly.csv": table_text(["month", "year"] + BASE_COLUMNS + lever_cols, res["monthly"]),
        "communities.csv": table_text(["community", "year", "revenue", "net_income", "deficit",
                                       "coverage", "fee_income", "mgmt_cost"], res["communities"]),
        "summary.csv": table_text(["metric", "unit", "base", "mean", "p10", "p50", "p90"], summ_rows),
        "levers.csv": table_text(LEVERS_COLUMNS, res["levers"]),
        "lever_summary.csv": table_text(LEVER_SUMMARY_COLUMNS, res["lever_summary"]),
    }
    if res["calendar"] is not None:
        out["calendar.csv"] = table_text(["calendar_year", "months"] + BASE_COLUMNS + lever_cols,
                                         res["calendar"])
    return out


def run(scenario_path, outdir, lenient=False):
    scen = parse_scenario(scenario_path, lenient)
    texts = output_texts(compute(scen))  # everything computed before anything is written
    os.makedirs(outdir, exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    stale = os.path.join(outdir, "calendar.csv")
    if "calendar.csv" not in texts and os.path.isfile(stale):
        os.remove(stale)  # left by an earlier run of a scenario with a start


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
