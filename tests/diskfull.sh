#!/bin/sh
# diskfull.sh: what a crowded machine does to an output set (issue 9):
# - a full disk: revsim writes into a small tmpfs, for every size from a few
#   KiB to more than the outputs need (DISKFULL_STEP bytes apart, default
#   32768): each run either succeeds with outputs identical to a run on a
#   roomy disk, or exits 73 with one line saying "No space left on device"
#   and leaves no file in the output folder (and no temporary file). As root
#   the tmpfs is mounted here; otherwise in a user namespace (unshare -rm)
#   when the kernel allows it; else these cases are skipped.
# - kill -9 during the Monte Carlo and while a chart is drawn: nothing is
#   renamed into place; the next run into the folder sweeps the temporary
#   files of the killed one.
# - two runs (of different scenarios) into one folder at the same time:
#   both succeed, and the folder holds one complete set, not a mix.
#   usage: tests/diskfull.sh REVSIM
set -u
S=scenarios
if [ "${DISKFULL_INSIDE:-}" != 1 ]; then
    . "$(dirname "$0")/lib.sh"
fi

# ---- disk full --------------------------------------------------------------------
# fill NAME ARGS...: the sweep over tmpfs sizes of `revsim ARGS -o DIR`
fill() {
    name=$1; shift
    ref="$tmp/ref"; rm -rf "$ref" "$fs/out"
    "$bin" "$@" -o "$fs/out" >"$tmp/ref.out" 2>"$tmp/ref.err" || { bad "$name: reference run"; return; }
    need=$(du -sb "$fs/out" | cut -f1); mv "$fs/out" "$ref"   # the same folder name every run
    # tmpfs rounds each file (and the temporary ones) up to pages: the sizes go that far beyond
    top=$((need + 4096 * ($(ls -A "$ref" | wc -l) + 4) + 2 * ${DISKFULL_STEP:-32768}))
    step=${DISKFULL_STEP:-32768}; clean=0; same=0; wrong=""
    size=$(( 4096 * (1 + $(date +%s) % (step / 4096 > 0 ? step / 4096 : 1)) ))   # a varying start
    while [ $size -le $top ]; do
        rm -rf "$fs/out"
        mount -o remount,size=$size "$fs" 2>/dev/null || { wrong="$wrong remount $size"; break; }
        "$bin" "$@" -o "$fs/out" >"$tmp/out" 2>"$tmp/err"; rc=$?
        left=$(find "$fs" -mindepth 1 -not -path "$fs/out" | head -3 | tr '\n' ' ')
        if [ $rc = 0 ] && diff -r "$ref" "$fs/out" >/dev/null && cmp -s "$tmp/ref.out" "$tmp/out" &&
           [ ! -s "$tmp/err" ]; then
            same=$((same + 1))
        elif [ $rc = 73 ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
             grep -q "No space left on device" "$tmp/err" && [ -z "$left" ]; then
            clean=$((clean + 1))
        else
            wrong="$wrong
#   tmpfs of $size bytes: exit $rc, left: ${left:-nothing}; $(head -2 "$tmp/err" | tr '\n' ' ' | cut -c1-160)"
        fi
        size=$((size + step))
    done
    mount -o remount,size=16m "$fs"
    desc="$name: outputs of $need bytes, tmpfs up to $((top / 1024)) KiB every $((step / 1024)) KiB: $clean clean failures (No space left on device), $same identical successes"
    if [ -z "$wrong" ] && [ $clean -gt 0 ] && [ $same -gt 0 ]; then ok "$desc"; else bad "$desc$wrong"; fi
}

diskfull() {
    fs="$tmp/fs"; mkdir -p "$fs"
    mount -t tmpfs -o size=16m tmpfs "$fs" || { bad "mount tmpfs"; return; }
    fill "run --runs 200 (CSV files and PNG charts)" run --runs 200 --threads 1 $S/yongfengli.csv
    fill "run --format svg" run -q --runs 50 --format svg $S/yongfengli.csv
    fill "compare (CSV files, charts, report.html)" compare -q --runs 100 \
        $S/yongfengli-status-quo.csv $S/yongfengli.csv
    fill "sweep (tornado.csv and chart)" sweep -q $S/yongfengli.csv
    umount "$fs"
}

if [ "${DISKFULL_INSIDE:-}" = 1 ]; then   # in the user namespace: the disk-full part only
    bin=$1; tmp=$2; ntest=$3; fail=0   # lib.sh's ok and bad, without its own tmp
    ok()  { ntest=$((ntest+1)); echo "ok $ntest - $1"; }
    bad() { ntest=$((ntest+1)); fail=$((fail+1)); echo "not ok $ntest - $1"; }
    diskfull
    echo "$ntest" >"$tmp/ntest"
    exit $fail
fi
if [ "$(id -u)" = 0 ]; then
    diskfull
elif command -v unshare >/dev/null 2>&1 && unshare -rm true 2>/dev/null; then
    DISKFULL_INSIDE=1 unshare -rm sh "$0" "$bin" "$tmp" "$ntest" || fail=$((fail + 1))
    ntest=$(cat "$tmp/ntest" 2>/dev/null || echo "$ntest")
else
    echo "ok $((ntest + 1)) # skip disk full: not root, and no user namespace to mount a tmpfs in"
    ntest=$((ntest + 1))
fi

# ---- kill -9 ----------------------------------------------------------------------
# during the Monte Carlo: the folder is made (checked before the long part), nothing else
"$bin" run -q --runs 5000000 --threads 1 $S/yongfengli.csv -o "$tmp/k1" >/dev/null 2>&1 &
pid=$!; sleep 2; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
check "kill -9 during the Monte Carlo: nothing written" '[ -d "$tmp/k1" ] && [ -z "$(ls -A "$tmp/k1")" ]'
# while a chart is drawn: the CSV files exist as temporary files only
printf '#!/bin/sh\necho $$ >"%s/gp.pid"\nexec sleep 60\n' "$tmp" >"$tmp/slowgp"; chmod +x "$tmp/slowgp"
REVSIM_GNUPLOT="$tmp/slowgp" "$bin" run -q --runs 100 $S/yongfengli.csv -o "$tmp/k2" >/dev/null 2>&1 &
pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$tmp/gp.pid" ] && break; sleep 1; done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
[ -s "$tmp/gp.pid" ] && kill "$(cat "$tmp/gp.pid")" 2>/dev/null
check "kill -9 while drawing a chart: no output renamed into place" \
    '[ -z "$(ls "$tmp/k2")" ] && ls -A "$tmp/k2" | grep -q "^\.annual\.csv\.[0-9]*\.tmp$"'
expect "the next run into the folder" 0 "$bin" run -q --runs 100 --no-plots $S/yongfengli.csv -o "$tmp/k2"
check "the next run swept the killed run's temporary files" \
    '[ -z "$(ls -A "$tmp/k2" | grep "\.tmp$")" ] && [ -s "$tmp/k2/summary.csv" ]'

# ---- two runs into one folder at the same time -----------------------------------------
"$bin" run -q --runs 300 $S/yongfengli.csv -o "$tmp/refA" >/dev/null 2>&1
"$bin" run -q --runs 300 $S/chidian.csv -o "$tmp/refB" >/dev/null 2>&1
mixed=""
for i in 1 2 3; do
    rm -rf "$tmp/both"
    "$bin" run -q --runs 300 $S/yongfengli.csv -o "$tmp/both" >"$tmp/a.out" 2>&1 & pa=$!
    "$bin" run -q --runs 300 $S/chidian.csv -o "$tmp/both" >"$tmp/b.out" 2>&1 & pb=$!
    wait $pa; ra=$?; wait $pb; rb=$?
    if [ $ra != 0 ] || [ $rb != 0 ]; then mixed="$mixed round $i: exit $ra and $rb;"
    elif ! diff -r "$tmp/refA" "$tmp/both" >/dev/null 2>&1 && ! diff -r "$tmp/refB" "$tmp/both" >/dev/null 2>&1; then
        mixed="$mixed round $i: a mix of both sets;"
    fi
done
check "two runs into one folder at once: both succeed, one complete set is left (3 rounds)" '[ -z "$mixed" ]'
[ -z "$mixed" ] || echo "#$mixed"

done_testing
