#!/usr/bin/env python3
"""xlsx_check.py: check a workbook of revsim against the CSV files of the
same run, independently of revsim's code (docs/workbook.md is the spec).

    xlsx_check.py run     BOOK.xlsx DIR [--lang zh]
    xlsx_check.py compare BOOK.xlsx DIR ID=RUNDIR... [--lang zh]
    xlsx_check.py sweep   BOOK.xlsx DIR [--lang zh]
    xlsx_check.py hostile BOOK.xlsx [TEXT...]

DIR holds the CSV files of the same command; for compare every ID=RUNDIR is
the folder of a separate `revsim run` of scenario ID with the same runs and
seed. The workbook is opened twice with openpyxl: with formulas and with
the values cached in it. Checks, printed as TAP lines "ok - ..." / "not ok
- ..." (details as "# ..." lines); exit status 1 when one failed:
  - the sheet names (English or Chinese) and their order;
  - every cell under a CSV column name (row 2) equals the CSV cell of the
    same row (numbers to 1e-9 relative; an empty CSV cell is an empty cell
    or words such as "never"); a named column the CSV lacks holds formulas;
  - every formula, evaluated here from the cached values of the cells it
    reads, equals its own cached value;
  - the charts' series: the sheets, columns (by CSV name) and rows they read;
  - assumptions: each row equals the scenario file's row it cites (file:row),
    and every row of the top scenario file is there;
  - number formats and header labels in the language;
  - hostile: no text cell becomes a formula, no control character, every
    formula is one of the shapes revsim writes.
"""
import csv
import math
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

# the reference model's readers of scenario text (UTF-8 or GBK) and values ("60%")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from revsim_ref import parse_number, read_text  # noqa: E402

SHEETS = {  # key: (English, Chinese)
    "comparison": ("Comparison", "方案比较"),
    "cmp_annual": ("Comparison by year", "逐年比较"),
    "tornado": ("Tornado", "敏感性分析"),
    "summary": ("Summary", "汇总"),
    "charts": ("Charts", "图表"),
    "annual": ("Annual", "年度"),
    "monthly": ("Monthly", "月度"),
    "calendar": ("Calendar years", "日历年度"),
    "communities": ("Communities", "小区"),
    "levers": ("Levers", "项目"),
    "lever_summary": ("Lever summary", "项目汇总"),
    "mc": ("Monte Carlo", "蒙特卡洛"),
    "assumptions": ("Assumptions", "假设"),
}
CSV_OF = {
    "summary": "summary.csv", "annual": "annual.csv", "monthly": "monthly.csv",
    "calendar": "calendar.csv", "communities": "communities.csv", "levers": "levers.csv",
    "lever_summary": "lever_summary.csv", "mc": "mc_annual.csv",
    "comparison": "comparison.csv", "cmp_annual": "comparison_annual.csv",
    "tornado": "tornado.csv",
}
FUNCTIONS = {"SUM", "MIN", "NPV", "COUNTIF", "IF", "ABS", "ISNUMBER", "NA"}

failures = 0


def report(ok, name, details=()):
    global failures
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        failures += 1
        for d in list(details)[:12]:
            print("# " + str(d))


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def number(text):
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def close(a, b, scale=0.0):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), scale) + 1e-12


# ------------------------------------------------------------ formulas

class NA:
    pass


TOKEN = re.compile(r"""\s*(?:
      (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
    | (?P<str>"(?:[^"]|"")*")
    | (?P<ref>(?:'(?P<sheet>[^']+)'!|(?P<bare>[A-Za-z_][\w ]*)!)?
              \$?(?P<c0>[A-Z]{1,3})\$?(?P<r0>\d+)(?::\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+))?)
    | (?P<fn>[A-Z][A-Z0-9.]*)\(
    | (?P<op><>|<=|>=|[-+*/^&=<>(),])
    )""", re.X)


def col_index(name):
    n = 0
    for ch in name:
        n = n * 26 + ord(ch) - 64
    return n


class Formula:
    """A small Excel formula evaluator for the shapes revsim writes."""

    def __init__(self, text, sheet, book):
        self.toks, self.sheet, self.book = [], sheet, book
        self.refs = []
        pos, text = 0, text[1:] if text.startswith("=") else text
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot read %r at %d" % (text, pos))
            pos = m.end()
            if m.group("num") is not None:
                self.toks.append(("num", float(m.group("num"))))
            elif m.group("str") is not None:
                self.toks.append(("str", m.group("str")[1:-1].replace('""', '"')))
            elif m.group("ref") is not None:
                sh = m.group("sheet") or m.group("bare") or sheet
                c0, r0 = col_index(m.group("c0")), int(m.group("r0"))
                c1 = col_index(m.group("c1")) if m.group("c1") else c0
                r1 = int(m.group("r1")) if m.group("r1") else r0
                self.toks.append(("ref", (sh, r0, c0, r1, c1, m.group("c1") is not None)))
                self.refs.append((sh, r0, c0, r1, c1))
            elif m.group("fn") is not None:
                if m.group("fn") not in FUNCTIONS:
                    raise ValueError("function %s is not one revsim writes" % m.group("fn"))
                self.toks.append(("fn", m.group("fn")))
            else:
                self.toks.append(("op", m.group("op")))
        self.i = 0
        self.ast = self.compare()
        if self.i != len(self.toks):
            raise ValueError("trailing tokens in %r" % text)

    # parser: compare > concat > add > mul > power > unary > atom
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, kind=None, val=None):
        t = self.peek()
        if (kind and t[0] != kind) or (val and t[1] != val):
            raise ValueError("expected %s %s, got %s" % (kind, val, t))
        self.i += 1
        return t

    def binary(self, sub, ops):
        node = sub()
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take()[1]
            node = ("bin", op, node, sub())
        return node

    def compare(self):
        return self.binary(self.add, ("=", "<>", "<", ">", "<=", ">="))

    def add(self):
        return self.binary(self.mul, ("+", "-"))

    def mul(self):
        return self.binary(self.power, ("*", "/"))

    def power(self):
        return self.binary(self.unary, ("^",))

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.atom()

    def atom(self):
        kind, val = self.take()
        if kind in ("num", "str"):
            return ("lit", val)
        if kind == "ref":
            return ("ref", val)
        if kind == "fn":
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.compare())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.compare())
            self.take("op", ")")
            return ("fn", val, args)
        if (kind, val) == ("op", "("):
            node = self.compare()
            self.take("op", ")")
            return node
        raise ValueError("unexpected %s" % ((kind, val),))

    # evaluation on the cached values
    def cell(self, sh, r, c):
        v = self.book[sh].cell(r, c).value
        return v

    def values(self, node):
        if node[0] == "ref":
            sh, r0, c0, r1, c1, _ = node[1]
            return [self.cell(sh, r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        return [self.ev(node)]

    def ev(self, node):
        t = node[0]
        if t == "lit":
            return node[1]
        if t == "ref":
            sh, r0, c0, r1, c1, is_range = node[1]
            if is_range:
                raise ValueError("a range outside a function")
            v = self.cell(sh, r0, c0)
            return 0.0 if v is None else v
        if t == "neg":
            return -num(self.ev(node[1]))
        if t == "bin":
            op, a, b = node[1], self.ev(node[2]), self.ev(node[3])
            if isinstance(a, NA) or isinstance(b, NA):
                return NA()
            if op in ("=", "<>", "<", ">", "<=", ">="):
                a, b = num(a), num(b)
                return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b,
                        ">=": a >= b}[op]
            a, b = num(a), num(b)
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if op == "/":
                return a / b
            return a ** b
        name, args = node[1], node[2]
        if name == "IF":
            return self.ev(args[1]) if self.ev(args[0]) else self.ev(args[2])
        if name == "NA":
            return NA()
        if name == "ISNUMBER":
            v = self.values(args[0])[0]
            return isinstance(v, (int, float)) and not isinstance(v, bool)
        if name == "ABS":
            return abs(num(self.ev(args[0])))
        data = args[1:] if name == "NPV" else args[:1] if name == "COUNTIF" else args
        nums = [v for a in data for v in self.values(a)
                if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if name == "SUM":
            return math.fsum(nums)
        if name == "MIN":
            return min(nums) if nums else 0.0
        if name == "NPV":
            rate = num(self.ev(args[0]))
            return math.fsum(v / (1 + rate) ** (i + 1) for i, v in enumerate(nums))
        if name == "COUNTIF":
            crit = self.ev(args[1])
            m = re.fullmatch(r"(<=|>=|<>|<|>|=)?(.*)", crit)
            op, x = m.group(1) or "=", float(m.group(2))
            return sum(1 for v in nums if {"<": v < x, ">": v > x, "<=": v <= x, ">=": v >= x,
                                           "=": v == x, "<>": v != x}[op])
        raise ValueError(name)

    def scale(self):
        s = 0.0
        for sh, r0, c0, r1, c1 in self.refs:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    v = self.cell(sh, r, c)
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        s = max(s, abs(v))
        return s


def num(v):
    if v is None or v == "":
        return 0.0
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    raise ValueError("text %r in arithmetic" % (v,))


def check_formulas(wbf, wbv, label):
    bad, count = [], 0
    for ws in wbf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                count += 1
                cached = wbv[ws.title].cell(c.row, c.column).value
                try:
                    f = Formula(c.value, ws.title, wbv)
                    got = f.ev(f.ast)
                except (ValueError, ZeroDivisionError, KeyError, TypeError, OverflowError) as e:
                    bad.append("%s!%s %s: %s" % (ws.title, c.coordinate, c.value, e))
                    continue
                if isinstance(got, NA):
                    ok = cached == "#N/A"
                elif got == "":
                    ok = cached in (None, "")
                else:
                    ok = isinstance(cached, (int, float)) and close(num(got), cached, f.scale())
                if not ok:
                    bad.append("%s!%s %s = %r, cached %r" % (ws.title, c.coordinate, c.value,
                                                             got, cached))
    report(count > 0 and not bad, "%s: %d formulas equal their cached values" % (label, count), bad)


# ------------------------------------------------------------ values

def names_row(ws):
    return {ws.cell(2, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(2, c).value}


def data_rows(ws, group=None):
    """Rows 3.. (of scenario `group` when the sheet has a scenario column)."""
    names = names_row(ws)
    rows = range(3, ws.max_row + 1)
    if group is None or "scenario" not in names:
        return list(rows)
    sc = names["scenario"]
    return [r for r in rows if ws.cell(r, sc).value == group]


def cell_matches(v, text):
    if text == "":
        return v is None or v == "" or (isinstance(v, str) and number(v) is None)
    x = number(text)
    if x is not None and not isinstance(v, str):
        return isinstance(v, (int, float)) and close(float(v), x)
    return v == text


def check_table(wbf, wbv, key, sheet, csv_path, label, group=None, skip=()):
    head, rows = read_csv(csv_path)
    ws, wf = wbv[sheet], wbf[sheet]
    names = names_row(ws)
    bad = []
    missing = [h for h in head if h not in names and h not in skip]
    if missing:
        bad.append("columns missing: %s" % missing)
    got = data_rows(ws, group)
    if len(got) != len(rows):
        bad.append("%d data rows, %s has %d" % (len(got), csv_path, len(rows)))
    cells = 0
    for r, want in zip(got, rows):
        for h, text in zip(head, want):
            if h in skip or h not in names:
                continue
            cells += 1
            v = ws.cell(r, names[h]).value
            if not cell_matches(v, text):
                bad.append("%s row %d %s: %r, CSV %r" % (sheet, r, h, v, text))
    # a named column the CSV does not have is derived (formulas) or, in a
    # comparison, another scenario's lever (empty)
    extra = [h for h in names if h not in head and h != "scenario"]
    for h in extra:
        for r in got:
            c = wf.cell(r, names[h])
            if c.data_type != "f" and c.value is not None:
                bad.append("%s row %d %s: %r is neither a formula nor empty" % (sheet, r, h,
                                                                                 c.value))
                break
    report(not bad and (cells > 0 or not rows), "%s: %s equals %s (%d cells)" % (label, sheet,
                                                                  os.path.basename(csv_path),
                                                                  cells), bad)


def check_summary_units(wbv, sheet, csv_path, zh, label, group=None):
    head, rows = read_csv(csv_path)
    ws = wbv[sheet]
    names = names_row(ws)
    uc = names["metric"] + 1   # the Unit column follows the name
    bad = []
    for r, want in zip(data_rows(ws, group), rows):
        unit = dict(zip(head, want))["unit"]
        shown = ws.cell(r, uc).value
        expect = {"ratio": "%", "1/year": "%", "probability": "%"}.get(unit)
        if unit == "CNY":
            expect = "万元" if zh else "CNY"
        if expect and shown != expect:
            bad.append("%s: unit %r, want %r" % (want[0], shown, expect))
    report(not bad, "%s: Summary units shown in the language" % label, bad)


def read_source_row(path, line, cache={}):
    """The cells of line `line` of scenario file `path` by header name."""
    if path not in cache:
        lines = read_text(path).split("\n")
        header = next(csv.reader([lines[0]]))
        cache[path] = (header, lines)
    header, lines = cache[path]
    row = next(csv.reader([lines[line - 1].rstrip("\r")]), [])
    return {h.strip(): (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def value_of(text):
    try:
        v = parse_number(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def check_assumptions(wbv, sheet, top, label, group=None):
    ws = wbv[sheet]
    names = names_row(ws)
    bad, seen = [], set()
    rows = data_rows(ws, group)
    for r in rows:
        get = lambda k: ws.cell(r, names[k]).value
        src = get("source")
        path, line = src.rsplit(":", 1)
        seen.add((os.path.normpath(path), int(line)))
        want = read_source_row(path, int(line))
        if "key" not in want:      # an included table's row: only the section
            if want.get("section") != get("section"):
                bad.append("%s: section %r" % (src, get("section")))
            continue
        for k in ("section", "key", "unit", "dist", "note"):
            got = get(k)
            exp = want.get(k, "")
            exp = "'" + exp if exp[:1] in ("=", "+", "-", "@") else exp
            if (got or "") != exp:
                bad.append("%s %s: %r, file %r" % (src, k, got, exp))
        for k in ("value", "low", "high"):
            got, exp = get(k), want.get(k, "")
            x = value_of(exp)
            if exp == "":
                ok = got is None
            elif x is not None:
                ok = isinstance(got, (int, float)) and close(float(got), x)
            else:
                ok = got == ("'" + exp if exp[:1] in ("=", "+", "-", "@") else exp)
            if not ok:
                bad.append("%s %s: %r, file %r" % (src, k, got, exp))
    # every row of the top file is there (include directives are replaced by
    # the rows of their tables)
    lines = read_text(top).split("\n")
    header = [h.strip() for h in next(csv.reader([lines[0]]))]
    for i, text in enumerate(lines[1:], start=2):
        cells = dict(zip(header, (c.strip() for c in next(csv.reader([text]), []))))
        sec = cells.get("section", "")
        if not sec or sec.startswith("#") or (sec, cells.get("key")) == ("scenario", "include"):
            continue
        if (os.path.normpath(top), i) not in seen:
            bad.append("%s:%d is not in %s" % (top, i, sheet))
    report(rows and not bad, "%s: %s rows equal their scenario rows (%d)" % (label, sheet,
                                                                            len(rows)), bad)


# ------------------------------------------------------------ charts

RANGE = re.compile(r"^'?(?P<sheet>[^'!]+)'?!\$?(?P<c0>[A-Z]+)\$?(?P<r0>\d+)"
                   r"(?::\$?(?P<c1>[A-Z]+)\$?(?P<r1>\d+))?$")


def parse_range(f):
    m = RANGE.match(f or "")
    if not m:
        return None
    c1 = m.group("c1") or m.group("c0")
    r1 = m.group("r1") or m.group("r0")
    return (m.group("sheet"), int(m.group("r0")), col_index(m.group("c0")), int(r1),
            col_index(c1))


def chart_series(wbf):
    """(sheet holding the chart, chart type, title, [(name ref, cat ref, val ref)])"""
    out = []
    for ws in wbf.worksheets:
        for ch in ws._charts:
            title = None
            try:
                title = "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
            except AttributeError:
                pass
            ser = []
            for s in ch.series:
                name = s.tx.strRef.f if s.tx and s.tx.strRef else None
                cat = None
                if s.cat is not None:
                    cat = s.cat.numRef.f if s.cat.numRef is not None else s.cat.strRef.f
                ser.append((parse_range(name), parse_range(cat), parse_range(s.val.numRef.f)))
            out.append((ws.title, type(ch).__name__, getattr(ch, "grouping", None), title, ser))
    return out


def column_name(wbv, rng):
    sh, r0, c0, r1, c1 = rng
    return wbv[sh].cell(2, c0).value


def check_charts(wbf, wbv, label, expect):
    """expect: list of (title substring, chart type, [(CSV column name of the values,
    rows (r0, r1), values sheet)], categories (sheet, CSV name)) in any order."""
    charts = chart_series(wbf)
    bad = []
    for ws_title, kind, grouping, title, ser in charts:
        for name, cat, val in ser:
            for rng in (name, cat, val):
                if rng is None or rng[0] not in wbv.sheetnames:
                    bad.append("%s: series refers to %r" % (title, rng))
                    break
            else:
                if (cat[1], cat[3]) != (val[1], val[3]) or cat[2] != cat[4] or val[2] != val[4]:
                    bad.append("%s: categories %r and values %r differ in rows" % (title, cat, val))
                if wbv[name[0]].cell(name[1], name[2]).value in (None, ""):
                    bad.append("%s: series name cell %r is empty" % (title, name))
    for want_title, want_kind, want_series, want_cat in expect:
        found = [c for c in charts if want_title in (c[3] or "") and c[1] == want_kind]
        if not found:
            bad.append("no %s chart %r (have %s)" % (want_kind, want_title,
                                                     [(c[1], c[3]) for c in charts]))
            continue
        ser = found[0][4]
        got = [(column_name(wbv, v), (v[1], v[3]), v[0]) for _, _, v in ser]
        if got != want_series:
            bad.append("%s: series %s, want %s" % (want_title, got, want_series))
        if want_cat[0] is not None:
            cats = {(c[0], wbv[c[0]].cell(2, c[2]).value if want_cat[1] else None)
                    for _, c, _ in ser}
            if cats != {want_cat}:
                bad.append("%s: categories %s, want %s" % (want_title, cats, {want_cat}))
    report(charts and not bad, "%s: %d charts read the right sheets, columns and rows" % (
        label, len(charts)), bad)


# ------------------------------------------------------------ language

def check_language(wbf, sheets, zh, label):
    bad = []
    want = [SHEETS[k][1 if zh else 0] for k in sheets]
    if wbf.sheetnames != want:
        bad.append("sheets %s, want %s" % (wbf.sheetnames, want))
    money = '0\\.0,' if zh else '#,##0'
    for key in ("annual", "monthly"):
        if key not in sheets:
            continue
        ws = wbf[SHEETS[key][1 if zh else 0]]
        names = names_row(ws)
        if "revenue" not in names:
            bad.append("%s: no revenue column" % ws.title)
            continue
        lab = ws.cell(1, names["revenue"]).value
        if lab != ("收入（万元）" if zh else "Revenue (CNY)"):
            bad.append("%s: revenue labelled %r" % (ws.title, lab))
        fmt = ws.cell(3, names["revenue"]).number_format
        if fmt != money:
            bad.append("%s: money format %r, want %r" % (ws.title, fmt, money))
        fmt = ws.cell(3, names["coverage"]).number_format
        if fmt != "0.0%":
            bad.append("%s: coverage format %r" % (ws.title, fmt))
        if ws.freeze_panes is None or not ws.freeze_panes.endswith("3"):
            bad.append("%s: header rows not frozen (%r)" % (ws.title, ws.freeze_panes))
        if zh and not re.search("[\u4e00-\u9fff]", "".join(str(ws.cell(1, c).value or "")
                                                          for c in range(1, 6))):
            bad.append("%s: no Chinese header" % ws.title)
    report(not bad, "%s: sheet names, labels and formats in %s" % (label, "zh" if zh else "en"),
           bad)


# ------------------------------------------------------------ hostile text

def check_hostile(path, wbf, texts):
    bad, seen = [], set()
    for ws in wbf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if c.data_type == "f":
                    if "HYPERLINK" in v.upper() or "CMD" in v.upper():
                        bad.append("%s!%s formula %r" % (ws.title, c.coordinate, v))
                    try:
                        Formula(v, ws.title, wbf)
                    except (ValueError, KeyError) as e:
                        bad.append("%s!%s %r: %s" % (ws.title, c.coordinate, v, e))
                elif isinstance(v, str):
                    seen.add(v)
                    if v[:1] in ("=", "+", "-", "@"):
                        bad.append("%s!%s text %r looks like a formula" % (ws.title, c.coordinate,
                                                                           v[:40]))
                    if re.search(r"[\x00-\x1f\x7f-\x9f]", v):
                        bad.append("%s!%s control character in %r" % (ws.title, c.coordinate,
                                                                       v[:40]))
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    bad.append("%s: %s" % (name, e))
    for t in texts:
        if t not in seen:
            bad.append("no cell holds %r" % t)
    report(not bad, "hostile: no text became a formula; every part is well-formed XML", bad)


# ------------------------------------------------------------ the commands

def open_book(path):
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def run_sheets(d):
    keys = ["annual", "monthly"]
    if os.path.exists(os.path.join(d, "calendar.csv")):
        keys.append("calendar")
    keys += ["communities", "levers", "lever_summary"]
    if os.path.exists(os.path.join(d, "mc_annual.csv")):
        keys.append("mc")
    return keys + ["assumptions"]


def check_run_tables(wbf, wbv, d, zh, label, group=None):
    name = lambda k: SHEETS[k][1 if zh else 0]
    for key in run_sheets(d):
        if key == "assumptions":
            continue
        check_table(wbf, wbv, key, name(key), os.path.join(d, CSV_OF[key]), label, group)
    check_table(wbf, wbv, "summary", name("summary"), os.path.join(d, "summary.csv"), label,
                group, skip=("unit",))
    check_summary_units(wbv, name("summary"), os.path.join(d, "summary.csv"), zh, label, group)


def top_file(wbv, zh, group=None):
    ws = wbv[SHEETS["assumptions"][1 if zh else 0]]
    names = names_row(ws)
    files = [ws.cell(r, names["source"]).value.rsplit(":", 1)[0] for r in data_rows(ws, group)]
    # the top file is the one the scenario's own name row comes from, else the last one cited
    for r in data_rows(ws, group):
        if ws.cell(r, names["key"]).value == "base":
            return ws.cell(r, names["source"]).value.rsplit(":", 1)[0]
    return files[-1]


def main(argv):
    zh = "--lang" in argv and argv[argv.index("--lang") + 1] == "zh"
    args = [a for i, a in enumerate(argv) if a != "--lang" and (i == 0 or argv[i - 1] != "--lang")]
    mode, path = args[0], args[1]
    wbf, wbv = open_book(path)
    label = "%s %s" % (mode, "zh" if zh else "en")
    nm = lambda k: SHEETS[k][1 if zh else 0]
    if mode == "hostile":
        check_hostile(path, wbf, args[2:])
        return
    d = args[2]
    if mode == "run":
        keys = ["summary", "charts"] + run_sheets(d)
        check_language(wbf, keys, zh, label)
        check_run_tables(wbf, wbv, d, zh, label)
        check_formulas(wbf, wbv, label)
        check_assumptions(wbv, nm("assumptions"), top_file(wbv, zh), label)
        head, rows = read_csv(os.path.join(d, "annual.csv"))
        years = len(rows)
        levers = [h for h in head if h.startswith("revenue:")]
        months = len(read_csv(os.path.join(d, "monthly.csv"))[1])
        expect = [
            ("收入" if zh else "revenue", "BarChart",
             [(h, (3, 2 + years), nm("annual")) for h in levers], (nm("annual"), "year")),
            ("覆盖率" if zh else "Coverage of", "LineChart",
             [(None, (5, 4 + years), nm("charts"))] * 2, (nm("charts"), None)),
            ("基金" if zh else "fund", "LineChart", [("fund_end", (3, 2 + months),
                                                      nm("monthly"))], (nm("monthly"), "month")),
        ]
        if os.path.exists(os.path.join(d, "mc_annual.csv")):
            expect.append(("P10", "LineChart",
                           [("coverage_p10", (3, 2 + years), nm("mc")),
                            ("coverage_p50", (3, 2 + years), nm("mc")),
                            ("coverage_p90", (3, 2 + years), nm("mc")),
                            (None, (5, 4 + years), nm("charts"))], (None, None)))
        check_charts(wbf, wbv, label, expect)
        # the 100% line and the coverage chart data
        ws = wbv[nm("charts")]
        ok = all(ws.cell(4 + y, 2).value == 1 for y in range(1, years + 1))
        cov = [r[dict((h, i) for i, h in enumerate(head))["coverage"]] for r in rows]
        for y, text in enumerate(cov, start=1):
            v = ws.cell(4 + y, 3).value
            ok &= (v == "#N/A") if text == "" else (isinstance(v, (int, float)) and
                                                    close(v, float(text)))
        report(ok, "%s: chart data: the 100%% line and coverage (#N/A without a deficit)" % label)
    elif mode == "compare":
        runs = dict(a.split("=", 1) for a in args[3:])
        ids = [r[0] for r in read_csv(os.path.join(d, "comparison.csv"))[1]]
        keys = ["comparison", "cmp_annual", "charts", "summary"] + run_sheets(runs[ids[0]])
        if "calendar" not in keys and any(os.path.exists(os.path.join(runs[i], "calendar.csv"))
                                          for i in ids):
            keys.insert(keys.index("communities"), "calendar")
        if "mc" not in keys and any(os.path.exists(os.path.join(runs[i], "mc_annual.csv"))
                                    for i in ids):
            keys.insert(keys.index("assumptions"), "mc")
        check_language(wbf, keys, zh, label)
        check_table(wbf, wbv, "comparison", nm("comparison"),
                    os.path.join(d, "comparison.csv"), label)
        check_table(wbf, wbv, "cmp_annual", nm("cmp_annual"),
                    os.path.join(d, "comparison_annual.csv"), label)
        for i in ids:
            rd = runs[i]
            check_run_tables(wbf, wbv, rd, zh, "%s %s" % (label, i), group=i)
            check_assumptions(wbv, nm("assumptions"), top_file(wbv, zh, i), "%s %s" % (label, i),
                              group=i)
        check_formulas(wbf, wbv, label)
        years = len(read_csv(os.path.join(d, "comparison_annual.csv"))[1])
        n = len(ids)
        expect = [
            ("增量" if zh else "Gains", "BarChart",
             [("gain_revenue_stabilized", (3, 2 + n), nm("comparison")),
              ("gain_npv", (3, 2 + n), nm("comparison"))], (nm("comparison"), "scenario")),
            ("年度收入" if zh else "Annual revenue", "BarChart",
             [("revenue:" + i, (3, 2 + years), nm("cmp_annual")) for i in ids],
             (nm("cmp_annual"), "year")),
            ("覆盖率" if zh else "Coverage", "LineChart",
             [("coverage:" + i, (3, 2 + years), nm("cmp_annual")) for i in ids] +
             [(None, (5, 4 + years), nm("charts"))], (None, None)),
        ]
        check_charts(wbf, wbv, label, expect)
    elif mode == "sweep":
        check_language(wbf, ["tornado", "assumptions"], zh, label)
        check_table(wbf, wbv, "tornado", nm("tornado"), os.path.join(d, "tornado.csv"), label)
        check_formulas(wbf, wbv, label)
        check_assumptions(wbv, nm("assumptions"), top_file(wbv, zh), label)
        n = min(20, len(read_csv(os.path.join(d, "tornado.csv"))[1]))
        check_charts(wbf, wbv, label, [
            ("龙卷风" if zh else "tornado", "BarChart",
             [("change_at_low", (3, 2 + n), nm("tornado")),
              ("change_at_high", (3, 2 + n), nm("tornado"))], (nm("tornado"), "parameter"))])
    else:
        sys.exit("usage: xlsx_check.py run|compare|sweep|hostile BOOK.xlsx [DIR ...] [--lang zh]")


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(1 if failures else 0)
