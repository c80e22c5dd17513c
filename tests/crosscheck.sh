#!/bin/sh
# crosscheck.sh: run N random scenarios through revsim and through the
# independent Python reference (tests/ref/), and compare every output cell.
# usage: tests/crosscheck.sh REVSIM [N] [SEED]
set -u
bin=$1; n=${2:-60}; seed=${3:-1}
if ! command -v python3 >/dev/null 2>&1; then
    echo "# skip: crosscheck (python3 not found)"; exit 0
fi
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/ref/gen_scenarios.py" "$tmp/scen" "$n" "$seed" >/dev/null || exit 1
ntest=0; fail=0
ok()  { ntest=$((ntest+1)); echo "ok $ntest - $1"; }
bad() { ntest=$((ntest+1)); fail=$((fail+1)); echo "not ok $ntest - $1"; }
for f in "$tmp"/scen/*.csv; do
    b=$(basename "$f" .csv)
    "$bin" run -q "$f" -o "$tmp/c/$b" >"$tmp/c.log" 2>&1; rc_c=$?
    python3 "$here/ref/revsim_ref.py" "$f" "$tmp/r/$b" >"$tmp/r.log" 2>&1; rc_r=$?
    if [ $rc_c -ne 0 ] || [ $rc_r -ne 0 ]; then
        if [ $rc_c -ne 0 ] && [ $rc_r -ne 0 ]; then ok "$b: both refuse it"; continue; fi
        bad "$b: revsim exit $rc_c, reference exit $rc_r"; sed 's/^/# /' "$tmp/c.log" "$tmp/r.log"
        continue
    fi
    if python3 "$here/ref/compare.py" "$tmp/c/$b" "$tmp/r/$b" >"$tmp/cmp.log"; then
        ok "$b: every cell agrees"
    else
        bad "$b differs"; sed 's/^/# /' "$tmp/cmp.log"
        [ -n "${KEEP:-}" ] && cp -r "$tmp/scen" "$KEEP"
    fi
done
echo "1..$ntest"
[ $fail -eq 0 ]
