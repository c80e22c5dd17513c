#!/bin/sh
# mpi.sh: revsim-mpi on 3 ranks of this machine (mpirun --oversubscribe)
# writes byte for byte what revsim writes with the same seed: run below and
# past the exact-percentile limit (RS_MC_EXACT_RUNS), compare, optimize
# with samples, and errors.
# Every case is skipped (a "# skip" line) when mpirun or revsim-mpi is
# missing: `make mpi` builds it, `make deps` installs Open MPI.
# usage: sh tests/mpi.sh REVSIM   (revsim-mpi is looked for beside REVSIM)
. "$(dirname "$0")/lib.sh"
mpi=$(dirname "$bin")/revsim-mpi
if ! command -v mpirun >/dev/null 2>&1; then
    skip "revsim-mpi on 3 ranks" "mpirun is not installed"; done_testing; exit
fi
if [ ! -x "$mpi" ]; then
    skip "revsim-mpi on 3 ranks" "$mpi is not built (make mpi)"; done_testing; exit
fi
# an ASan build of revsim-mpi: Open MPI's own allocations are not ours to report
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
ranks() { n=$1; shift; mpirun --quiet --oversubscribe --allow-run-as-root -np "$n" "$mpi" "$@"; }

# same_files NAME DIR_A DIR_B: every file of A is in B, byte for byte
same_files() {
    st=0
    for f in "$2"/*.csv; do
        [ -f "$f" ] || { st=1; break; }
        cmp -s "$f" "$3/$(basename "$f")" || { echo "# differs: $(basename "$f")"; st=1; }
    done
    if [ $st = 0 ]; then ok "$1"; else bad "$1"; fi
}

s=scenarios/qingyang-old-estates.csv
"$bin" run "$s" --runs 2000 --seed 9 --no-plots -o "$tmp/one" >"$tmp/one.out" 2>&1
ranks 3 run "$s" --runs 2000 --seed 9 --no-plots -o "$tmp/three" >"$tmp/three.out" 2>"$tmp/err"
check "run on 3 ranks exits 0" '[ $? = 0 ]'
same_files "run on 3 ranks: every CSV file as revsim writes it" "$tmp/one" "$tmp/three"
sed "s|$tmp/one|DIR|" "$tmp/one.out" >"$tmp/one.txt"
sed "s|$tmp/three|DIR|" "$tmp/three.out" >"$tmp/three.txt"
check "run on 3 ranks: the same summary on the terminal" 'cmp -s "$tmp/one.txt" "$tmp/three.txt"'
check "run on 3 ranks: nothing on stderr" '[ ! -s "$tmp/err" ]'
ranks 2 run "$s" --runs 2000 --seed 9 --no-plots -q -o "$tmp/two" >/dev/null 2>&1
same_files "run on 2 ranks: the same files" "$tmp/one" "$tmp/two"
ranks 1 run "$s" --runs 2000 --seed 9 --no-plots -q -o "$tmp/single" >/dev/null 2>&1
same_files "run on 1 rank: the same files" "$tmp/one" "$tmp/single"

# past the exact limit (100,000 runs): sketches and exact sums merge exactly
y=scenarios/yongfengli.csv
"$bin" run "$y" --runs 100300 --no-plots -q -o "$tmp/big1" >/dev/null 2>&1
ranks 3 run "$y" --runs 100300 --no-plots -q -o "$tmp/big3" >/dev/null 2>&1
same_files "100,300 runs on 3 ranks (percentiles from sketches): the same files" \
    "$tmp/big1" "$tmp/big3"

set -- --baseline scenarios/chidian-status-quo.csv scenarios/chidian-parking-only.csv \
    scenarios/chidian.csv --runs 1500 --no-plots --no-report -q
"$bin" compare "$@" -o "$tmp/c1" >/dev/null 2>&1
ranks 3 compare "$@" -o "$tmp/c3" >/dev/null 2>&1
check "compare on 3 ranks exits 0" '[ $? = 0 ]'
same_files "compare on 3 ranks: comparison.csv and comparison_annual.csv as revsim's" \
    "$tmp/c1" "$tmp/c3"

# optimize with Monte Carlo samples: both passes over the samples (their
# rows for the programme; the chosen mix checked on them and on fresh runs)
# are split over the ranks; the files are revsim's all the same
set -- scenarios/chidian-optimize.csv --samples 40 --confidence 0.5 --no-plots -q
"$bin" optimize "$@" -o "$tmp/o1" >/dev/null 2>&1
(REVSIM_MPI_STATS=1; export REVSIM_MPI_STATS; ranks 3 optimize "$@" -o "$tmp/o3") >/dev/null 2>"$tmp/err"
check "optimize with samples on 3 ranks exits 0" '[ $? = 0 ] && [ -s "$tmp/o3/optimum.csv" ]'
same_files "optimize on 3 ranks: optimum.csv, optimum_limits.csv and the variant as revsim's" \
    "$tmp/o1" "$tmp/o3"
check "optimize on 3 ranks: the 40 samples and the 1,040 checks are split (REVSIM_MPI_STATS)" \
    'grep -q "optimize pass of 40 samples on 3 ranks" "$tmp/err" &&
     grep -q "optimize pass of 1040 samples on 3 ranks" "$tmp/err"'
# the other objectives and limits: the fund by month in each sample's record,
# debt service, each community's coverage, the budget's years
{
    echo "section,key,value"
    echo "scenario,base,$PWD/scenarios/chidian-optimize.csv"
    echo "optimize,objective,fund_min"
    echo "optimize,min_coverage_each,0.3"
    echo "optimize,budget_years,3"
    echo "loan:bond,amount,1500000"
    echo "loan:bond,rate,0.0229"
    echo "loan:bond,term_years,8"
    echo "optimize,min_dscr,1.1"
} >"$tmp/omix.csv"
set -- "$tmp/omix.csv" --samples 25 --confidence 0.5 --no-plots -q
"$bin" optimize "$@" -o "$tmp/m1" >/dev/null 2>"$tmp/err"
check "optimize fund_min with loans and per-community limits exits 0" '[ $? = 0 ]'
ranks 3 optimize "$@" -o "$tmp/m3" >/dev/null 2>&1
same_files "optimize fund_min on 3 ranks: revsim's files" "$tmp/m1" "$tmp/m3"
ranks 2 optimize "$@" -o "$tmp/m2" >/dev/null 2>&1
same_files "optimize fund_min on 2 ranks: revsim's files" "$tmp/m1" "$tmp/m2"

# errors: rank 0 reports them as revsim does; the other ranks do not hang
ranks 3 run "$tmp/missing.csv" --no-plots >"$tmp/stdout" 2>"$tmp/err"
check "a missing scenario: exit 66 on 3 ranks" '[ $? = 66 ]'
check "a missing scenario: one line on stderr" '[ "$(wc -l <"$tmp/err")" = 1 ]'
ranks 3 check "$s" >"$tmp/stdout" 2>&1
check "check on 3 ranks (no Monte Carlo) exits 0" '[ $? = 0 ] && grep -q ": ok" "$tmp/stdout"'
done_testing
