#!/usr/bin/env python3
"""compare.py: compare two revsim output folders cell by cell.

usage: compare.py DIR_A DIR_B [--rtol 1e-6] [--atol 1e-6] [--ignore FILE.csv ...]

Every CSV that either folder holds is compared (annual, monthly,
communities, summary, levers, lever_summary, calendar, ...); a CSV that
exists in only one of the folders is a difference (--ignore NAME leaves a
file out, e.g. a Monte Carlo table only one program writes).
Numbers must agree to a relative tolerance rtol (1e-6) or an absolute one
atol (1e-6, for values near zero); IRR (the summary metric `irr` and the
`irr` column of lever_summary.csv) to 1e-5; empty cells must be empty on
both sides; text cells (lever, kind, community, metric) must be equal;
`unit` columns are not compared.
summary.csv is matched by metric name: every metric of DIR_B must be in
DIR_A (DIR_A may hold more).  Other files are compared row by row and must
have the same columns.
Prints the first differences and exits 1 when any are found.
"""
import csv
import os
import sys

SKIP_COLS = {"unit"}
IRR_TOL = 1e-5


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def close(a, b, rtol, atol):
    if a == "" or b == "":
        return a == b
    x, y = num(a), num(b)
    if x is None or y is None:
        return a == b
    return abs(x - y) <= max(rtol * max(abs(x), abs(y)), atol)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def label(row):
    for keys in (("metric",), ("lever", "year"), ("community", "year"), ("calendar_year",),
                 ("month",), ("year",)):
        if all(k in row for k in keys):
            return " ".join(row[k] for k in keys)
    return ""


def compare_file(name, ra, rb, rtol, atol, bad):
    if name == "summary.csv":
        # by metric name; every metric of B must be in A
        ma = {r["metric"]: r for r in ra}
        missing = [r["metric"] for r in rb if r["metric"] not in ma]
        if missing:
            bad.append(f"{name}: metrics missing: {missing}")
        ra = [ma[r["metric"]] for r in rb if r["metric"] in ma]
        rb = [r for r in rb if r["metric"] in ma]
    if len(ra) != len(rb):
        bad.append(f"{name}: {len(ra)} rows vs {len(rb)}")
        return
    for i, (x, y) in enumerate(zip(ra, rb)):
        if set(x) != set(y) and name != "summary.csv":
            bad.append(f"{name}: columns differ: {sorted(set(x) ^ set(y))}")
            return
        for k in x:
            if k in SKIP_COLS or k not in y:
                continue
            tol = IRR_TOL if (x.get("metric") == "irr" or k == "irr") else rtol
            if not close(x[k], y[k], tol, atol):
                bad.append(f"{name} row {i + 2} ({label(x)}) {k}: {x[k]!r} vs {y[k]!r}")


def main():
    args = sys.argv[1:]
    rtol, atol, ignore = 1e-6, 1e-6, set()
    for opt in ("--rtol", "--atol", "--ignore"):
        while opt in args:
            i = args.index(opt)
            v = args[i + 1]
            del args[i:i + 2]
            if opt == "--rtol":
                rtol = float(v)
            elif opt == "--atol":
                atol = float(v)
            else:
                ignore.add(v)
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    a, b = args
    fa = {f for f in os.listdir(a) if f.lower().endswith(".csv")} - ignore
    fb = {f for f in os.listdir(b) if f.lower().endswith(".csv")} - ignore
    bad = []
    for name in sorted(fa ^ fb):
        bad.append(f"{name}: only in {a if name in fa else b}")
    for name in sorted(fa & fb):
        compare_file(name, read(os.path.join(a, name)), read(os.path.join(b, name)), rtol, atol, bad)
    for line in bad[:15]:
        print("  " + line)
    if len(bad) > 15:
        print("  ... %d more" % (len(bad) - 15))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
