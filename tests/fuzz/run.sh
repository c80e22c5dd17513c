#!/bin/sh
# run.sh: run every libFuzzer harness for FUZZ_SECONDS (default 60) on one
# core, in turn. `make fuzz` builds the harnesses into BUILD (build/fuzz)
# and calls this.
#   usage: sh tests/fuzz/run.sh BUILD [TARGET...]
# Each target's working corpus is BUILD/corpus/TARGET, started from
# tests/fuzz/seeds/TARGET (committed: hand-made seeds and every input that
# ever crashed) plus the shipped scenarios, the example history and
# generated part-2 scenarios and tables (tests/ref/gen_scenarios.py). A
# crash, leak, UB report or timeout leaves its input in BUILD/artifacts/
# and makes this script fail; add that input to tests/fuzz/seeds/TARGET
# with a test once it is fixed (docs/testing.md).
# FUZZ_TIMEOUT (default 10) is the seconds one input may take; FUZZ_ARGS
# are passed on to libFuzzer (e.g. FUZZ_ARGS=-runs=100000).
set -u
build=${1:-build/fuzz}; shift 2>/dev/null || true
targets=${*:-scenario table history bytes}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
secs=${FUZZ_SECONDS:-60}; tmo=${FUZZ_TIMEOUT:-10}
mkdir -p "$build/artifacts" "$build/gen"
# generated part-2 files (deterministic), once per build folder
if [ ! -d "$build/gen/p2" ] && command -v python3 >/dev/null 2>&1; then
    python3 "$root/tests/ref/gen_scenarios.py" "$build/gen/p2" 60 9 --features part2 >/dev/null ||
        echo "# run.sh: generating part-2 seeds failed; going on without them"
fi
status=0
for t in $targets; do
    bin="$build/tests/fuzz/fuzz_$t"
    [ -x "$bin" ] || { echo "run.sh: $bin is not built (make fuzz)"; exit 2; }
    corpus="$build/corpus/$t"; mkdir -p "$corpus"
    extra=""
    case $t in
    scenario) extra="$root/scenarios $build/gen/p2 $build/gen/p2/bases" ;;
    table)    extra="$build/gen/p2/tables" ;;
    history)  extra="$root/scenarios/observed" ;;
    esac
    seeds="$here/seeds/$t"
    for d in $extra; do [ -d "$d" ] && seeds="$seeds $d"; done
    echo "# fuzz_$t: $secs s from $(ls $seeds 2>/dev/null | wc -l) seed files"
    log="$build/fuzz_$t.log"
    # -fork is not used: one process, one core
    "$bin" -max_total_time="$secs" -timeout="$tmo" -rss_limit_mb=2048 -max_len=16384 \
        -dict="$here/revsim.dict" -artifact_prefix="$build/artifacts/$t-" -print_final_stats=1 \
        ${FUZZ_ARGS:-} "$corpus" $seeds >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ $rc -ne 0 ]; then
        status=1
        echo "not ok - fuzz_$t: exit $rc after ${execs:-?} executions ($cov); see $log:"
        grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -5 | sed 's/^/#   /'
    else
        echo "ok - fuzz_$t: ${execs:-?} executions, $cov, no crash"
    fi
done
exit $status
