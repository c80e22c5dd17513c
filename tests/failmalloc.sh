#!/bin/sh
# failmalloc.sh: every allocation failing in turn (SQLite's habit). For each
# N, revsim runs with the N-th allocation failing (tests/failmalloc.c,
# preloaded): it must either exit non-zero with exactly one message line and
# leave no file in the output folder, or succeed with outputs (files and
# standard output) identical to a normal run. Over `revsim run --runs 200`
# of an example scenario and a two-scenario `revsim compare` with charts and
# report, one Monte Carlo thread (so the N-th call is the same every time);
# then a sample with two threads.
#   usage: tests/failmalloc.sh REVSIM
# FAILMALLOC_STRIDE (default 1: every N) tests every STRIDE-th N only, with
# a varying offset; FAILMALLOC_MODE=all fails every call from the N-th on.
# Skipped for an ASan build (ASan brings its own allocator).
set -u
. "$(dirname "$0")/lib.sh"
so=$(dirname "$bin")/tests/failmalloc.so
stride=${FAILMALLOC_STRIDE:-1}
mode=${FAILMALLOC_MODE:-once}
if grep -q __asan_init "$bin" 2>/dev/null; then
    echo "ok 1 # skip an ASan build: the allocator is ASan's"; echo "1..1"; exit 0
fi
if [ ! -f "$so" ]; then
    bad "failmalloc.so not built ($so)"; done_testing; exit 1
fi

# sweep NAME ARGS...: ARGS run with "-o DIR" appended; the reference run
# counts the allocations, then N = 1, 1+stride, ... up to the count
sweep() {
    name=$1; shift
    ref="$tmp/ref"; out="$tmp/o"; rm -rf "$ref" "$out"
    FAILMALLOC_COUNT="$tmp/count" LD_PRELOAD="$so" "$bin" "$@" -o "$out" >"$tmp/ref.out" 2>"$tmp/ref.err"
    rc=$?; total=$(cat "$tmp/count" 2>/dev/null || echo 0)
    mv "$out" "$ref"   # the same folder name for every run: the summary names it
    if [ $rc -ne 0 ] || [ "$total" -lt 10 ]; then
        bad "$name: reference run (exit $rc, $total allocations)"; diag "$tmp/ref.err"; return
    fi
    n=$(( ($(date +%s) % stride) + 1 )); clean=0; same=0; wrong=0; first=""
    while [ $n -le "$total" ]; do
        rm -rf "$out"
        FAILMALLOC_N=$n FAILMALLOC_MODE=$mode LD_PRELOAD="$so" "$bin" "$@" -o "$out" >"$tmp/out" 2>"$tmp/err"
        rc=$?; why=""
        if [ $rc -eq 0 ]; then
            if [ -s "$tmp/err" ]; then why="exit 0 with a message"
            elif ! diff -r "$ref" "$out" >/dev/null 2>&1; then why="exit 0, files differ"
            elif ! cmp -s "$tmp/ref.out" "$tmp/out"; then why="exit 0, output differs"
            else same=$((same + 1)); fi
        elif [ $rc -ge 128 ]; then why="killed by signal $((rc - 128))"
        elif [ "$(wc -l <"$tmp/err")" != 1 ]; then why="exit $rc, $(wc -l <"$tmp/err") message lines"
        elif [ -n "$(ls -A "$out" 2>/dev/null)" ]; then why="exit $rc, files left: $(ls -A "$out" | head -3 | tr '\n' ' ')"
        else clean=$((clean + 1)); fi
        if [ -n "$why" ]; then
            wrong=$((wrong + 1))
            [ $wrong -le 5 ] && first="$first
#   N=$n: $why: $(head -2 "$tmp/err" | tr '\n' ' ' | cut -c1-150)"
        fi
        n=$((n + stride))
    done
    desc="$name: $total allocations, every ${stride}th failed ($mode): $clean clean failures, $same identical successes"
    if [ $wrong -eq 0 ]; then ok "$desc"; else bad "$desc, $wrong wrong$first"; fi
}

S=scenarios
sweep "run --runs 200" run --runs 200 --threads 1 $S/yongfengli.csv
sweep "compare of two scenarios" compare --runs 200 --threads 1 $S/yongfengli-status-quo.csv $S/yongfengli.csv
# threads: the second worker's allocations and thread start-up (not deterministic: a sample)
stride=$((stride * 7))
sweep "run --runs 200, two threads" run --runs 200 --threads 2 $S/yongfengli.csv
done_testing
