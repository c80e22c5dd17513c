#!/bin/sh
# crosscheck.sh: run N random scenarios through revsim and through the
# independent Python reference (tests/ref/), and compare every output cell.
# usage: tests/crosscheck.sh REVSIM [N] [SEED]
set -u
bin=$1; n=${2:-60}; seed=${3:-1}
if ! command -v python3 >/dev/null 2>&1; then
    echo "crosscheck: skipped (python3 not found)"; exit 0
fi
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/ref/gen_scenarios.py" "$tmp/scen" "$n" "$seed" >/dev/null || exit 1
pass=0; fail=0
for f in "$tmp"/scen/*.csv; do
    b=$(basename "$f" .csv)
    "$bin" run -q "$f" -o "$tmp/c/$b" >"$tmp/c.log" 2>&1; rc_c=$?
    python3 "$here/ref/revsim_ref.py" "$f" "$tmp/r/$b" >"$tmp/r.log" 2>&1; rc_r=$?
    if [ $rc_c -ne 0 ] || [ $rc_r -ne 0 ]; then
        if [ $rc_c -ne 0 ] && [ $rc_r -ne 0 ]; then pass=$((pass+1)); continue; fi
        echo "crosscheck: $b: revsim exit $rc_c, reference exit $rc_r"; cat "$tmp/c.log" "$tmp/r.log"
        fail=$((fail+1)); continue
    fi
    if python3 "$here/ref/compare.py" "$tmp/c/$b" "$tmp/r/$b" >"$tmp/cmp.log"; then
        pass=$((pass+1))
    else
        echo "crosscheck: $b differs:"; cat "$tmp/cmp.log"; fail=$((fail+1))
        [ -n "${KEEP:-}" ] && cp -r "$tmp/scen" "$KEEP"
    fi
done
echo "crosscheck: $pass passed, $fail failed"
[ $fail -eq 0 ]
