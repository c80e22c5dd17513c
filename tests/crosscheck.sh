#!/bin/sh
# crosscheck.sh: run N random scenarios through revsim and through the
# independent Python reference (tests/ref/), and compare every output cell
# of every file (annual, monthly, communities, summary, levers,
# lever_summary, calendar). FEATURES: part1 (the model of part 1), part2
# (financing, subsidies, taxes, schedules, templates, tables), or both.
# usage: tests/crosscheck.sh REVSIM [N] [SEED] [part1|part2|both]
set -u
bin=$1; n=${2:-60}; seed=${3:-1}; features=${4:-both}
if ! command -v python3 >/dev/null 2>&1; then
    echo "# skip: crosscheck (python3 not found)"; exit 0
fi
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ntest=0; fail=0
ok()  { ntest=$((ntest+1)); echo "ok $ntest - $1"; }
bad() { ntest=$((ntest+1)); fail=$((fail+1)); echo "not ok $ntest - $1"; }
case $features in both) sets="part1 part2";; *) sets=$features;; esac
for fs in $sets; do
    python3 "$here/ref/gen_scenarios.py" "$tmp/$fs" "$n" "$seed" --features "$fs" >/dev/null || exit 1
    for f in "$tmp/$fs"/scen_*.csv; do
        b=$fs/$(basename "$f" .csv)
        "$bin" run -q --no-plots "$f" -o "$tmp/c/$b" >"$tmp/c.log" 2>&1; rc_c=$?
        python3 "$here/ref/revsim_ref.py" "$f" "$tmp/r/$b" >"$tmp/r.log" 2>&1; rc_r=$?
        if [ $rc_c -ne 0 ] || [ $rc_r -ne 0 ]; then
            if [ $rc_c -ne 0 ] && [ $rc_r -ne 0 ]; then ok "$b: both refuse it"; continue; fi
            bad "$b: revsim exit $rc_c, reference exit $rc_r"; sed 's/^/# /' "$tmp/c.log" "$tmp/r.log"
            continue
        fi
        if python3 "$here/ref/compare.py" "$tmp/c/$b" "$tmp/r/$b" >"$tmp/cmp.log"; then
            ok "$b: every cell agrees"
        else
            bad "$b differs"; sed 's/^/# /' "$tmp/cmp.log" | head -20
            [ -n "${KEEP:-}" ] && cp -r "$tmp/$fs" "$KEEP"
        fi
    done
done
echo "1..$ntest"
[ $fail -eq 0 ]
