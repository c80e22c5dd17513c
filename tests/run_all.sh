#!/bin/sh
# run_all.sh: run every cmocka suite given (TAP output), the layer check, then
# the command-line test scripts (TAP too), and end with one line
# "tests: N passed, N failed" counted from the TAP lines: "ok" a pass, "not
# ok" a failure; a suite that exits non-zero without reporting a failure
# (a crash) counts as one failure.
set -u
pass=0; fail=0
count() {   # count NAME RC OUTPUTFILE
    p=$(grep -c '^ok ' "$3"); f=$(grep -c '^not ok ' "$3")
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$2" -ne 0 ] && [ "$f" = 0 ]; then fail=$((fail + 1)); echo "not ok - $1: exit $2"; fi
    echo "# $1: $p passed, $f failed"
}
out=$(mktemp); trap 'rm -f "$out"' EXIT
for t in "$@"; do
    CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$out" 2>&1; rc=$?
    cat "$out"; count "$t" $rc "$out"
done
bin=${BUILD:-build}/revsim
if sh tests/layers.sh >"$out" 2>&1; then echo "ok - layers: includes and symbols only downward" >>"$out"; rc=0
else sed -i 's/^/# /' "$out"; echo "not ok - layers (see above)" >>"$out"; rc=1; fi
cat "$out"; count layers $rc "$out"
# the allocation-failure and disk-full sweeps sample (every 10th allocation,
# tmpfs sizes 64 KiB apart) unless told otherwise; docs/testing.md
export FAILMALLOC_STRIDE=${FAILMALLOC_STRIDE:-10} DISKFULL_STEP=${DISKFULL_STEP:-65536}
for s in tests/layers_test.sh tests/cli.sh tests/crosscheck.sh tests/compare.sh tests/xlsx.sh \
         tests/optimize.sh tests/readme.sh tests/hostile.sh tests/failmalloc.sh tests/diskfull.sh \
         tests/report/render.sh tests/mpi.sh; do
    [ -f "$s" ] || continue
    sh "$s" "$bin" >"$out" 2>&1; rc=$?
    cat "$out"; count "$s" $rc "$out"
done
echo "tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
