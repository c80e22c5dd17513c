#!/bin/sh
# xlsx.sh: the workbooks (docs/workbook.md) as a user meets them: results.xlsx
# of run and compare and tornado.xlsx of sweep, in English and Chinese, each
# checked cell by cell against the CSV files of the same command, formula by
# formula against its cached value, chart by chart against the ranges it
# reads (tests/io/xlsx_check.py, python3-openpyxl); hostile scenario names
# and file names; --no-xlsx; --excel for every command that writes CSV.
# usage: tests/xlsx.sh REVSIM
set -u
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

# run FILE... through the checker; its TAP lines become cases of this script
py=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c "import openpyxl" 2>/dev/null; then py=$p; break; fi
done
xcheck() {
    if [ -z "$py" ]; then skip "xlsx_check $1" "python3-openpyxl not installed (make test-deps)"; return; fi
    "$py" "$here/io/xlsx_check.py" "$@" >"$tmp/check.out" 2>&1; rc=$?
    n=0
    while IFS= read -r line; do
        case $line in
            "ok - "*) ok "${line#ok - }"; n=$((n + 1));;
            "not ok - "*) bad "${line#not ok - }"; n=$((n + 1));;
            *) echo "$line";;
        esac
    done <"$tmp/check.out"
    if [ "$rc" != 0 ] && ! grep -q "^not ok" "$tmp/check.out"; then
        bad "xlsx_check $1 $2: exit $rc"; diag "$tmp/check.out"
    fi
}

S=scenarios
# ---- run ------------------------------------------------------------------------------
expect "run yongfengli" 0 "$bin" run -q --no-plots --runs 200 --seed 3 $S/yongfengli.csv -o "$tmp/y"
check "run writes results.xlsx" '[ -s "$tmp/y/results.xlsx" ] && grep -qx results.xlsx "$tmp/y/.revsim-run"'
xcheck run "$tmp/y/results.xlsx" "$tmp/y"
expect "run chidian in Chinese" 0 "$bin" run -q --no-plots --runs 100 --lang zh $S/chidian.csv -o "$tmp/c"
xcheck run "$tmp/c/results.xlsx" "$tmp/c" --lang zh
expect "run qingyang without Monte Carlo" 0 "$bin" run -q --no-plots --runs 0 $S/qingyang-old-estates.csv -o "$tmp/q"
xcheck run "$tmp/q/results.xlsx" "$tmp/q"

# scenarios with loans, subsidies, taxes, schedules, templates and tables
# (the cross-check's generator): the derived columns are not all zero there
python3 "$here/ref/gen_scenarios.py" "$tmp/gen" 4 11 --features part2 >/dev/null 2>&1 ||
    bad "gen_scenarios.py part2"
for f in "$tmp"/gen/scen_*.csv; do
    [ -f "$f" ] || continue
    b=$(basename "$f" .csv)
    if "$bin" run -q --no-plots --runs 0 "$f" -o "$tmp/g/$b" >"$tmp/err" 2>&1; then
        xcheck run "$tmp/g/$b/results.xlsx" "$tmp/g/$b"
    else
        skip "$b" "revsim refuses it: $(head -1 "$tmp/err")"
    fi
done

# ---- compare: every scenario's sheets equal its own run with the same runs and seed ----
variants="chidian-status-quo chidian-parking-only chidian"
expect "compare chidian" 0 "$bin" compare -q --no-plots --no-report --runs 60 --seed 5 \
    --baseline $S/chidian-status-quo.csv $S/chidian-parking-only.csv $S/chidian.csv -o "$tmp/cmp"
pairs=""
for v in $variants; do
    "$bin" run -q --no-plots --runs 60 --seed 5 "$S/$v.csv" -o "$tmp/r/$v" >/dev/null 2>&1 || bad "run $v"
    pairs="$pairs $v=$tmp/r/$v"
done
# shellcheck disable=SC2086
xcheck compare "$tmp/cmp/results.xlsx" "$tmp/cmp" $pairs
expect "compare yongfengli in Chinese" 0 "$bin" compare -q --no-plots --no-report --runs 0 --lang zh \
    --baseline $S/yongfengli-status-quo.csv $S/yongfengli.csv -o "$tmp/cmpzh"
pairs=""
for v in yongfengli-status-quo yongfengli; do
    "$bin" run -q --no-plots --runs 0 "$S/$v.csv" -o "$tmp/rz/$v" >/dev/null 2>&1 || bad "run $v"
    pairs="$pairs $v=$tmp/rz/$v"
done
# shellcheck disable=SC2086
xcheck compare "$tmp/cmpzh/results.xlsx" "$tmp/cmpzh" $pairs --lang zh

# ---- sweep: tornado.xlsx beside run's results.xlsx --------------------------------------
expect "sweep yongfengli" 0 "$bin" sweep -q --no-plots $S/yongfengli.csv -o "$tmp/y"
check "sweep leaves run's results.xlsx" '[ -s "$tmp/y/tornado.xlsx" ] && [ -s "$tmp/y/results.xlsx" ]'
xcheck sweep "$tmp/y/tornado.xlsx" "$tmp/y"
expect "sweep chidian in Chinese" 0 "$bin" sweep -q --no-plots --lang zh --metric coverage_stabilized \
    $S/chidian.csv -o "$tmp/c"
xcheck sweep "$tmp/c/tornado.xlsx" "$tmp/c" --lang zh

# ---- hostile names: nothing becomes a formula, the workbook stays valid ------------------
valid='section,key,value,note
community:a,area_m2,1000,
community:a,fee_rate,1,
community:a,collection_start,0.5,
community:a,cost_annual,20000,
other:x,income,1500,
other:x,capex,6000,'
mkdir -p "$tmp/h"
printf '%s\nscenario,name,"=HYPERLINK(""http://evil.example/"",""click"")",@SUM(1+1)\n' "$valid" >"$tmp/h/=1+2.csv"
printf '%s\nscenario,name,"bell\007 esc\033[31m tab\t cr\r nl\n end",+cmd\n' "$valid" >"$tmp/h/ctl.csv"
printf '%s\nscenario,name,%s,-1\n' "$valid" "$(printf '%500s' '' | tr ' ' '长')" >"$tmp/h/long.csv"
bad8=$(printf 'bad\377\376name')
cp "$tmp/h/ctl.csv" "$tmp/h/$bad8.csv"
for f in "=1+2" ctl long; do
    expect "run hostile $f" 0 "$bin" run -q --no-plots --runs 10 "$tmp/h/$f.csv" -o "$tmp/h/o-$f"
done
xcheck hostile "$tmp/h/o-=1+2/results.xlsx" "'=HYPERLINK(\"http://evil.example/\",\"click\")" "'@SUM(1+1)"
xcheck hostile "$tmp/h/o-ctl/results.xlsx" "bell  esc [31m tab  cr  nl  end" "'+cmd"
xcheck hostile "$tmp/h/o-long/results.xlsx" "'-1"
expect "compare hostile file names" 0 "$bin" compare -q --no-plots --no-report --runs 10 \
    "$tmp/h/=1+2.csv" "$tmp/h/$bad8.csv" "$tmp/h/long.csv" -o "$tmp/h/cmp"
xcheck hostile "$tmp/h/cmp/results.xlsx" "'=1+2" "bad??name"

# ---- options ------------------------------------------------------------------------------
expect "run --no-xlsx" 0 "$bin" run -q --no-plots --runs 0 --no-xlsx $S/yongfengli.csv -o "$tmp/y"
check "--no-xlsx: the earlier results.xlsx is gone, tornado.xlsx stays" \
    '[ ! -e "$tmp/y/results.xlsx" ] && [ -s "$tmp/y/tornado.xlsx" ] && [ -s "$tmp/y/annual.csv" ]'
expect "compare --no-xlsx" 0 "$bin" compare -q --no-plots --no-report --runs 0 --no-xlsx \
    $S/yongfengli-status-quo.csv $S/yongfengli.csv -o "$tmp/nx"
check "compare --no-xlsx writes no workbook" '[ ! -e "$tmp/nx/results.xlsx" ] && [ -s "$tmp/nx/comparison.csv" ]'
expect "sweep --no-xlsx" 0 "$bin" sweep -q --no-plots --no-xlsx $S/yongfengli.csv -o "$tmp/nxs"
check "sweep --no-xlsx writes no workbook" '[ ! -e "$tmp/nxs/tornado.xlsx" ] && [ -s "$tmp/nxs/tornado.csv" ]'
# more levers than a sheet has columns (16,384): refused before the Monte
# Carlo (an exit of 73 with the way out), nothing written; --no-xlsx runs it
{ echo "section,key,value"; echo "scenario,horizon_years,2"; echo "community:c,area_m2,1000"
  echo "community:c,fee_rate,0.5"; echo "community:c,cost_annual,10000"
  echo "community:c,collection_start,0.5"
  awk 'BEGIN { for (i = 0; i < 16400; i++) printf "other:o%d,income,10\n", i }'; } >"$tmp/wide.csv"
expect "run: 16,400 levers do not fit a workbook" 73 "$bin" run -q --no-plots --runs 1000 \
    "$tmp/wide.csv" -o "$tmp/wide"
check "too wide: the message names the file, the count and --no-xlsx" \
    'grep -q "wide/results.xlsx: 16400 levers need more than 16384 columns; use --no-xlsx" "$tmp/err"'
check "too wide: nothing written" '[ -z "$(ls -A "$tmp/wide" 2>/dev/null)" ]'
expect "too wide with --no-xlsx" 0 "$bin" run -q --no-plots --runs 20 --no-xlsx "$tmp/wide.csv" \
    -o "$tmp/wide"
check "too wide with --no-xlsx: the CSV files" \
    '[ "$(grep -c "^o[0-9]*," "$tmp/wide/lever_summary.csv")" = 16400 ] && [ ! -e "$tmp/wide/results.xlsx" ]'
sed 's/^other:o/other:p/' "$tmp/wide.csv" >"$tmp/wide2.csv"   # 32,800 lever columns together
expect "compare: too wide, refused before the runs" 73 "$bin" compare -q --no-plots --no-report \
    --runs 1000 "$tmp/wide.csv" "$tmp/wide2.csv" -o "$tmp/widec"
check "compare too wide: the message, nothing written" \
    'grep -q "widec/results.xlsx: 32800 levers need more than 16384 columns; use --no-xlsx" "$tmp/err" &&
     [ -z "$(ls -A "$tmp/widec" 2>/dev/null)" ]'
bom() { [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' ')" = efbbbf ]; }
expect "compare --excel" 0 "$bin" compare -q --no-plots --no-report --runs 0 --excel \
    $S/yongfengli-status-quo.csv $S/yongfengli.csv -o "$tmp/bom"
check "compare --excel: both CSV files start with a BOM" \
    'bom "$tmp/bom/comparison.csv" && bom "$tmp/bom/comparison_annual.csv" && ! bom "$tmp/nx/comparison.csv"'
expect "sweep --excel" 0 "$bin" sweep -q --no-plots --excel $S/yongfengli.csv -o "$tmp/boms"
check "sweep --excel: tornado.csv starts with a BOM" 'bom "$tmp/boms/tornado.csv" && ! bom "$tmp/nxs/tornado.csv"'
check "CSV headers stay English in Chinese" \
    '[ "$(head -1 "$tmp/c/annual.csv" | cut -d, -f1-3)" = "year,revenue,net_income" ] &&
     [ "$(head -1 "$tmp/cmpzh/comparison.csv" | cut -d, -f1-2)" = "scenario,name" ]'
mkdir -p "$tmp/inway/results.xlsx"
expect "a folder in the way of results.xlsx" 73 "$bin" run -q --no-plots --runs 0 $S/yongfengli.csv -o "$tmp/inway"
check "nothing renamed into place" '[ -z "$(ls -A "$tmp/inway" | grep -v "^results.xlsx$")" ]'
# reproducible bytes (SOURCE_DATE_EPOCH, set by lib.sh): the workbook's time is that one
"$bin" run -q --no-plots --runs 50 $S/yongfengli.csv -o "$tmp/rep1" >/dev/null 2>&1
"$bin" run -q --no-plots --runs 50 $S/yongfengli.csv -o "$tmp/rep2" >/dev/null 2>&1
check "two runs write the same results.xlsx, made at SOURCE_DATE_EPOCH" \
    'cmp -s "$tmp/rep1/results.xlsx" "$tmp/rep2/results.xlsx" &&
     python3 -c "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(\"docProps/core.xml\").decode())" "$tmp/rep1/results.xlsx" | grep -q "2025-12-02T00:00:00Z"'
check "the workbook's second copy is not left behind" \
    '[ -z "$(ls -A "$tmp/rep1" | grep check)" ] && ! grep -q check "$tmp/rep1/.revsim-run"'
check "no temporary files left" '[ -z "$(ls -A "$tmp/y" "$tmp/cmp" | grep "^\." | grep -v "^\.revsim-")" ]'

done_testing
