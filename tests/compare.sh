#!/bin/sh
# compare.sh: `revsim compare` as a user meets it: on the Chidian variants the
# gains and every metric equal those of separate `revsim run`s with the same
# runs and seed; hand-worked values for a tiny pair; common years when the
# horizons differ; one clear error and nothing written on bad input; the
# chart and report files, a missing or failing gnuplot.
# usage: tests/compare.sh REVSIM
set -u
. "$(dirname "$0")/lib.sh"

# the last four cells (the gains) of row R of CSV file F
gains() {
    awk -F, -v r="$2" 'NR == r { print $(NF-3) "," $(NF-2) "," $(NF-1) "," $NF }' "$1"
}

# column NAME of CSV file F (no quoted commas), row by row, header dropped
col() {
    awk -F, -v want="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) k = i; next }
                          { print (k ? $k : "MISSING") }' "$1"
}

# ---- Chidian: compare equals separate runs --------------------------------------
S=scenarios
runs=300; seed=7
variants="chidian-status-quo chidian-parking-only chidian-parking-chargers chidian"
expect "compare chidian" 0 "$bin" compare -q --no-plots --no-report --runs $runs --seed $seed \
    --baseline $S/chidian-status-quo.csv $S/chidian-parking-only.csv \
    $S/chidian-parking-chargers.csv $S/chidian.csv -o "$tmp/cmp"
for v in $variants; do
    "$bin" run -q --no-plots --runs $runs --seed $seed "$S/$v.csv" -o "$tmp/run/$v" >/dev/null 2>&1 ||
        bad "run $v"
done
check "comparison.csv: one row a scenario, baseline first" \
    '[ "$(col "$tmp/cmp/comparison.csv" scenario | tr "\n" " ")" = "$variants " ] &&
     [ "$(col "$tmp/cmp/comparison.csv" baseline | tr "\n" " ")" = "yes no no no " ]'
# header: identity columns, then metric, _p10, _p50, _p90 of every summary.csv
# metric in its order, then the four gains
want_head=$(awk -F, 'NR > 1 { h = h "," $1 "," $1 "_p10," $1 "_p50," $1 "_p90" }
    END { print "scenario,name,file,baseline,horizon_years" h ",gain_revenue_year1," \
          "gain_revenue_stabilized,gain_net_income_stabilized,gain_npv" }' \
    "$tmp/run/chidian/summary.csv")
check "comparison.csv columns" '[ "$(head -1 "$tmp/cmp/comparison.csv")" = "$want_head" ]'
check "comparison_annual.csv columns" '[ "$(head -1 "$tmp/cmp/comparison_annual.csv")" = "year,revenue:chidian-status-quo,revenue:chidian-parking-only,revenue:chidian-parking-chargers,revenue:chidian,net_income:chidian-status-quo,net_income:chidian-parking-only,net_income:chidian-parking-chargers,net_income:chidian,coverage:chidian-status-quo,coverage:chidian-parking-only,coverage:chidian-parking-chargers,coverage:chidian" ]'
row=1
for v in $variants; do
    row=$((row + 1))
    # every metric: base, p10, p50, p90 as written by the separate run
    awk -F, 'NR > 1 { print $1, $3, $5, $6, $7 }' "$tmp/run/$v/summary.csv" >"$tmp/want"
    awk -F, -v r=$row 'NR == 1 { for (i = 6; i < NF - 3; i += 4) name[i] = $i; next }
        NR == r { for (i = 6; i < NF - 3; i += 4) print name[i], $i, $(i+1), $(i+2), $(i+3) }' \
        "$tmp/cmp/comparison.csv" >"$tmp/got"
    if diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then ok "$v: comparison.csv metrics equal its own run's summary.csv"
    else bad "$v: comparison.csv metrics differ from summary.csv of its own run"; diag "$tmp/diff" 5; fi
    # gains: the difference of the separate runs' base values
    for m in revenue_year1 revenue_stabilized net_income_stabilized npv; do
        a=$(awk -F, -v m=$m '$1 == m { print $3 }' "$tmp/run/$v/summary.csv")
        b=$(awk -F, -v m=$m '$1 == m { print $3 }' "$tmp/run/chidian-status-quo/summary.csv")
        g=$(col "$tmp/cmp/comparison.csv" "gain_$m" | sed -n "$((row - 1))p")
        if awk -v a="$a" -v b="$b" -v g="$g" 'BEGIN {
                s = (a < 0 ? -a : a) + (b < 0 ? -b : b) + 1; d = g - (a - b)
                exit !(g != "" && (d < 0 ? -d : d) <= 1e-9 * s) }'; then ok "$v: gain_$m equals separate runs"
        else bad "$v: gain_$m = $g, separate runs give $a - $b"; fi
    done
    # yearly series: the same cells as annual.csv of the separate run
    for s in revenue net_income coverage; do
        if [ "$(col "$tmp/run/$v/annual.csv" $s)" = "$(col "$tmp/cmp/comparison_annual.csv" "$s:$v")" ]; then ok "$v: comparison_annual.csv $s equals annual.csv"
        else bad "$v: comparison_annual.csv $s differs from annual.csv"; fi
    done
done
check "chidian gains are positive" \
    '[ "$(col "$tmp/cmp/comparison.csv" gain_revenue_stabilized | grep -c "^[1-9]")" = 3 ]'
check "no temporary files left" '[ -z "$(ls -A "$tmp/cmp" | grep "^\." | grep -v "^\.revsim-")" ]'

# ---- a tiny pair worked by hand ------------------------------------------------------
# fee 1000 m2 * 1 * 0.5 = 500/month, cost 20000/year: deficit 14000 a year.
# A: income 1000/month, capex 6000; B: income 1500/month, capex 3000; r = 0.
# revenue 12000 vs 18000 a year; npv 24000-6000 = 18000 vs 36000-3000 = 33000.
cat >"$tmp/a.csv" <<'EOF'
section,key,value
scenario,name,Tiny A
scenario,horizon_years,2
scenario,discount_rate,0
community:c,area_m2,1000
community:c,fee_rate,1
community:c,collection_start,0.5
community:c,cost_annual,20000
other:x,income,1000
other:x,capex,6000
EOF
printf 'section,key,value\nscenario,base,a.csv\nscenario,name,Tiny B\nother:x,income,1500\nother:x,capex,3000\n' >"$tmp/b.csv"
expect "compare tiny pair" 0 "$bin" compare --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/t"
check "tiny: row of B by hand" \
    '[ "$(sed -n 3p "$tmp/t/comparison.csv" | cut -d, -f1-6)" = "b,Tiny B,$tmp/b.csv,no,2,18000" ] &&
     [ "$(col "$tmp/t/comparison.csv" npv | tr "\n" " ")" = "18000 33000 " ]'
check "tiny: gains by hand" \
    '[ "$(gains "$tmp/t/comparison.csv" 3)" = "6000,6000,6000,15000" ] &&
     [ "$(gains "$tmp/t/comparison.csv" 2)" = "0,0,0,0" ]'
check "tiny: no Monte Carlo columns with --runs 0" \
    '[ "$(col "$tmp/t/comparison.csv" npv_p50 | tr "\n" " ")" = "  " ]'
check "tiny: comparison_annual.csv by hand" \
    '[ "$(sed -n 2p "$tmp/t/comparison_annual.csv")" = "1,12000,18000,12000,18000,0.8571428571,1.285714286" ] &&
     [ "$(wc -l <"$tmp/t/comparison_annual.csv")" = 3 ]'
check "tiny: table printed" 'grep -q "^b  *18,000  *6,000  *33,000  *15,000  *128.6%" "$tmp/stdout"'
check "tiny: horizons agree, no note" '! grep -q "horizons differ" "$tmp/stdout"'
expect "--baseline reorders" 0 "$bin" compare -q --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/b.csv" --baseline "$tmp/b.csv" -o "$tmp/tb"
check "--baseline: B first, gains negative" \
    '[ "$(col "$tmp/tb/comparison.csv" scenario | tr "\n" " ")" = "b a " ] &&
     [ "$(gains "$tmp/tb/comparison.csv" 3)" = "-6000,-6000,-6000,-15000" ]'
expect "--baseline not among the files" 0 "$bin" compare -q --no-plots --no-report --runs 0 "$tmp/b.csv" --baseline "$tmp/a.csv" -o "$tmp/tx"
check "extra baseline comes first" '[ "$(col "$tmp/tx/comparison.csv" scenario | tr "\n" " ")" = "a b " ]'
mkdir -p "$tmp/other"; cp "$tmp/a.csv" "$tmp/other/a.csv"
expect "same stem twice" 0 "$bin" compare -q --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/other/a.csv" -o "$tmp/dup"
check "same stem: ids made unique" '[ "$(col "$tmp/dup/comparison.csv" scenario | tr "\n" " ")" = "a a-2 " ]'

# ---- horizons that differ: the common years, and it says so -----------------------------
printf 'section,key,value\nscenario,base,b.csv\nscenario,name,Tiny C\nscenario,horizon_years,3\n' >"$tmp/c.csv"
expect "horizons differ" 0 "$bin" compare --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/c.csv" -o "$tmp/h"
check "horizons differ: says so" 'grep -q "horizons differ; comparison_annual.csv covers the 2 years every scenario has" "$tmp/stdout"'
check "horizons differ: common years only" '[ "$(wc -l <"$tmp/h/comparison_annual.csv")" = 3 ]'
check "horizons differ: each row keeps its horizon" '[ "$(col "$tmp/h/comparison.csv" horizon_years | tr "\n" " ")" = "2 3 " ]'
check "horizons differ: npv of C over its 3 years" '[ "$(col "$tmp/h/comparison.csv" npv | sed -n 2p)" = 51000 ]'

# ---- bad input: one clear error, nothing written --------------------------------------------
printf '%s\nother:y,rnet,3\n' "$(cat "$tmp/a.csv")" >"$tmp/bad.csv"
expect "bad scenario" 65 "$bin" compare "$tmp/a.csv" "$tmp/bad.csv" -o "$tmp/o1"
check "bad scenario: names file, row, key" 'grep -q "bad.csv:11: other:y.rnet: unknown key" "$tmp/err"'
check "bad scenario: nothing written" '[ ! -e "$tmp/o1" ]'
expect "bad baseline" 65 "$bin" compare "$tmp/a.csv" "$tmp/b.csv" --baseline "$tmp/bad.csv" -o "$tmp/o2"
check "bad baseline: nothing written" '[ ! -e "$tmp/o2" ]'
printf 'section,key,value\nscenario,base,a.csv\nscenario,currency,USD\n' >"$tmp/usd.csv"
expect "currencies differ" 65 "$bin" compare "$tmp/a.csv" "$tmp/usd.csv" -o "$tmp/o3"
check "currencies differ: says so, nothing written" 'grep -q "usd.csv: scenario.currency: .USD. differs" "$tmp/err" && [ ! -e "$tmp/o3" ]'
expect "missing scenario" 66 "$bin" compare "$tmp/a.csv" "$tmp/none.csv" -o "$tmp/o4"
check "missing scenario: nothing written" '[ ! -e "$tmp/o4" ]'
expect "one scenario only" 2 "$bin" compare "$tmp/a.csv" -o "$tmp/o5"
expect "baseline is the only file" 2 "$bin" compare "$tmp/a.csv" --baseline "$tmp/a.csv" -o "$tmp/o6"
check "usage errors write nothing" '[ ! -e "$tmp/o5" ] && [ ! -e "$tmp/o6" ]'
expect "bad --runs" 2 "$bin" compare --runs lots "$tmp/a.csv" "$tmp/b.csv"
expect "bad --lang" 2 "$bin" compare --lang fr "$tmp/a.csv" "$tmp/b.csv"
expect "compare --help" 0 "$bin" compare --help
check "help lists --baseline and --no-report" 'grep -q -- "--baseline FILE" "$tmp/stdout" && grep -q -- "--no-report" "$tmp/stdout"'
expect "output is a file" 73 "$bin" compare -q --no-plots "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/a.csv/x"

# default output folder: out/compare/ relative to the working folder
( cd "$tmp" && "$bin" compare -q --no-plots --runs 0 a.csv b.csv ) &&
    check "default output folder" '[ -s "$tmp/out/compare/comparison.csv" ] && [ -s "$tmp/out/compare/report.html" ]' ||
    bad "compare with the default folder"

# ---- charts and the report -------------------------------------------------------------------
expect "report without charts" 0 "$bin" compare -q --no-plots --runs 50 "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/r0"
check "report without charts: says so, no chart" \
    'grep -q "Charts were not drawn (--no-plots)" "$tmp/r0/report.html" && ! grep -q "<svg" "$tmp/r0/report.html" &&
     [ "$(ls "$tmp/r0" | tr "\n" " ")" = "comparison.csv comparison_annual.csv report.html results.xlsx " ]'
# the proposal's texts and notes, the tornado's metric
printf '# Why\nThe **town** asks.\n' >"$tmp/notes.md"
expect "--author --organisation --purpose --notes" 0 "$bin" compare -q --no-plots --runs 0 --author "A <b>" \
    --organisation "Town & Co" --purpose "Decide" --notes "$tmp/notes.md" --tornado-metric fund_end \
    "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/rn"
check "the report carries them, escaped" \
    'grep -q "<dd>A &lt;b&gt;</dd>" "$tmp/rn/report.html" && grep -q "<dd>Town &amp; Co</dd>" "$tmp/rn/report.html" &&
     grep -q "<b>Purpose: </b>Decide</p>" "$tmp/rn/report.html" && grep -q "<p>The <b>town</b> asks.</p>" "$tmp/rn/report.html"'
expect "--notes missing" 66 "$bin" compare -q --no-plots --runs 0 --notes "$tmp/none.md" "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/rm"
check "--notes missing: nothing written" '[ ! -e "$tmp/rm" ] && grep -q "none.md: cannot read the notes" "$tmp/err"'
expect "--tornado-metric unknown" 2 "$bin" compare -q --no-plots --runs 0 --tornado-metric npvv "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/rt"
check "--tornado-metric unknown: says which" 'grep -q "unknown metric .npvv." "$tmp/err" && [ ! -e "$tmp/rt" ]'
expect "--no-report" 0 "$bin" compare -q --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/r1"
check "--no-report: no report.html" '[ ! -e "$tmp/r1/report.html" ] && [ -s "$tmp/r1/comparison.csv" ]'
expect "gnuplot missing" 0 env REVSIM_GNUPLOT=/nonexistent/gnuplot "$bin" compare -q --runs 50 "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/r2"
check "gnuplot missing: warning, CSVs and report without charts" \
    'grep -q "warning: gnuplot not found" "$tmp/err" && [ -s "$tmp/r2/comparison.csv" ] &&
     grep -q "gnuplot was not found" "$tmp/r2/report.html" && ! ls "$tmp/r2" | grep -q "\.png$"'
expect "gnuplot fails" 69 env REVSIM_GNUPLOT=/bin/false "$bin" compare -q --runs 50 "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/r3"
check "gnuplot fails: nothing written (no CSV, chart or report)" \
    '[ -z "$(ls -A "$tmp/r3")" ]'
if command -v gnuplot >/dev/null 2>&1; then
    expect "charts and report" 0 "$bin" compare -q --runs 50 --format svg "$tmp/a.csv" "$tmp/b.csv" -o "$tmp/r4"
    for f in compare_revenue_gain.svg compare_coverage.svg compare_npv.svg report.html; do
        check "writes $f" '[ -s "$tmp/r4/$f" ]'
    done
    check "no community chart for one community" '! ls "$tmp/r4" | grep -q "^communities_"'
    # 3 comparison charts and each scenario's fund (no ranges here: no tornado)
    check "report embeds SVG charts, fetches nothing" \
        '[ "$(grep -c "<svg class=\"chart\"" "$tmp/r4/report.html")" -ge 5 ] &&
         ! grep -q "<script\|<link\|<img\|src=\|@import" "$tmp/r4/report.html"'
    expect "portfolio scenario, Chinese" 0 "$bin" compare -q --runs 20 --lang zh \
        --baseline $S/qingyang-status-quo.csv $S/qingyang-old-estates.csv -o "$tmp/r5"
    check "community chart per portfolio scenario" \
        '[ -s "$tmp/r5/communities_qingyang-old-estates.png" ] && [ -s "$tmp/r5/communities_qingyang-status-quo.png" ]'
    check "Chinese report" 'grep -q "<html lang=\"zh-CN\">" "$tmp/r5/report.html" && grep -q "万元" "$tmp/r5/report.html"'
else
    echo "compare: gnuplot not found: chart checks skipped"
fi

# the same file twice is compared once: one scenario left is a usage error
expect "same file twice" 2 "$bin" compare scenarios/yongfengli.csv ./scenarios/yongfengli.csv -o "$tmp/twice"
check "same file twice writes nothing" '[ ! -e "$tmp/twice" ]'

# long Chinese file names give ids cut at a character boundary (valid UTF-8)
cp scenarios/yongfengli.csv "$tmp/永丰里永丰里永丰里永丰里永丰里永丰里.csv"
cp scenarios/yongfengli-shops-only.csv "$tmp/shops.csv"
sed -i 's|^scenario,base,yongfengli.csv|scenario,base,永丰里永丰里永丰里永丰里永丰里永丰里.csv|' "$tmp/shops.csv"
expect "long Chinese ids" 0 "$bin" compare -q --runs 0 --no-plots --no-report "$tmp/shops.csv" "$tmp/永丰里永丰里永丰里永丰里永丰里永丰里.csv" -o "$tmp/u8"
check "ids are valid UTF-8, cut to 40 bytes" 'cut -d, -f1 "$tmp/u8/comparison.csv" | iconv -f UTF-8 -t UTF-8 >/dev/null && grep -q "^永丰里永丰里永丰里永丰里永," "$tmp/u8/comparison.csv"'

# ---- the table: aligned by display width, empty words, --excel, counted runs ---------------------
cp "$tmp/a.csv" "$tmp/东街.csv"
expect "Chinese id" 0 "$bin" compare --no-plots --no-report --runs 1 --excel "$tmp/东街.csv" "$tmp/b.csv" -o "$tmp/zh"
check "table aligned by display width" \
    '[ "$(sed -n "1,3p" "$tmp/stdout" | sed "s/  (baseline)$//" | while IFS= read -r l; do printf "%s\n" "$l" | LC_ALL=C.UTF-8 wc -L; done | sort -u | wc -l)" = 1 ]'
check "1 run, with a P(covered) column" 'grep -q "Monte Carlo: 1 run, seed" "$tmp/stdout" && head -1 "$tmp/stdout" | grep -q " P(covered)$"'
check "compare --excel: comparison CSVs start with a BOM" \
    '[ "$(head -c 3 "$tmp/zh/comparison.csv" | od -An -tx1 | tr -d " ")" = efbbbf ] &&
     [ "$(head -c 3 "$tmp/zh/comparison_annual.csv" | od -An -tx1 | tr -d " ")" = efbbbf ]'
printf 'section,key,value\nscenario,base,a.csv\ncommunity:c,cost_annual,0\n' >"$tmp/nodef.csv"
expect "no deficit, no Monte Carlo" 0 "$bin" compare --no-plots --no-report --runs 0 "$tmp/a.csv" "$tmp/nodef.csv" -o "$tmp/nd"
check "no deficit in words; no P(covered) column without Monte Carlo" \
    'grep -q "^nodef .* no deficit$" "$tmp/stdout" && ! grep -q "P(covered)" "$tmp/stdout" && ! grep -q " - " "$tmp/stdout"'
expect "compare --help" 0 "$bin" compare --help
check "compare usage names --format, --threads, --no-plots, --quiet" \
    'sed -n "/^usage:/,/^$/p" "$tmp/stdout" | tr "\n" " " | grep -q "\[--threads N\].*\[--format png|svg|pdf\].*\[--no-plots\].*\[--quiet\]"'

done_testing
