#!/bin/sh
# run_all.sh: run every cmocka suite given, then the command-line tests, and
# end with one "tests: N passed, N failed" line (cmocka suites count each test).
set -u
pass=0; fail=0
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    if [ $rc -ne 0 ] && [ -z "$f" ]; then fail=$((fail + 1)); echo "$t: exit $rc"; fi
done
bin=${BUILD:-build}/revsim
for s in tests/cli.sh tests/crosscheck.sh tests/compare.sh tests/report/render.sh; do
    [ -f "$s" ] || continue
    out=$(sh "$s" "$bin" 2>&1); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' | tail -1)
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    if [ $rc -ne 0 ] && [ "${f:-0}" = 0 ]; then fail=$((fail + 1)); echo "$s: exit $rc"; fi
done
echo "tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
