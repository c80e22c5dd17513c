#!/usr/bin/env python3
"""compare.py: compare two revsim output folders cell by cell.

usage: compare.py DIR_A DIR_B [--rtol 1e-6]
Numbers must agree to a relative tolerance (absolute 1e-6 near zero); empty
cells must be empty on both sides; unit columns are not compared. Prints the
first differences and exits 1 when any are found.
"""
import csv, math, os, sys

FILES = ["annual.csv", "monthly.csv", "communities.csv", "summary.csv"]
SKIP_COLS = {"unit"}


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def close(a, b, rtol):
    if a == "" or b == "":
        return a == b
    x, y = num(a), num(b)
    if x is None or y is None:
        return a == b
    return abs(x - y) <= max(rtol * max(abs(x), abs(y)), 1e-6)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main():
    args = sys.argv[1:]
    rtol = 1e-6
    if "--rtol" in args:
        i = args.index("--rtol")
        rtol = float(args[i + 1])
        del args[i:i + 2]
    a, b = args
    bad = []
    for name in FILES:
        ra, rb = read(os.path.join(a, name)), read(os.path.join(b, name))
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
            continue
        for i, (x, y) in enumerate(zip(ra, rb)):
            if set(x) != set(y) and name != "summary.csv":
                bad.append(f"{name}: columns differ: {sorted(set(x) ^ set(y))}")
                break
            for k in x:
                if k in SKIP_COLS:
                    continue
                tol = 1e-5 if x.get("metric") == "irr" else rtol
                if not close(x[k], y[k], tol):
                    label = x.get("metric") or x.get("month") or x.get("year")
                    bad.append(f"{name} row {i + 2} ({label}) {k}: {x[k]!r} vs {y[k]!r}")
    for line in bad[:15]:
        print("  " + line)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
