#!/bin/sh
# hostile.sh: input at the edges, through the whole command line (issue 9):
# subnormal numbers in every real-valued row of an example scenario, and
# scenario file names that are not UTF-8 (or hold control characters) in
# the comparison files and report.
# usage: tests/hostile.sh REVSIM
set -u
. "$(dirname "$0")/lib.sh"

# ---- subnormal numbers (item 7) ----------------------------------------------------
# every row of yongfengli.csv whose value is a number, set to 4.9e-324 (its
# range dropped): it reads as 0, so the run either works (Monte Carlo
# included), with no inf or NaN anywhere, or says plainly that 0 is out of
# bounds for the key (a run may warn that 0 is outside a key's typical
# range, or that a result is implausible: warnings, not errors)
S=scenarios/yongfengli.csv
rows=$(awk -F, 'NR > 1 && $3 ~ /^-?[0-9.]+%?$/ { printf "%d ", NR }' "$S")
nrun=0; nwhole=0; wrong=""
for n in $rows; do
    awk -F, -v OFS=, -v n=$n 'NR == n { $3 = "4.9e-324"; $4 = ""; $5 = ""; $6 = "" } { print }' \
        "$S" >"$tmp/sub.csv"
    "$bin" run -q --no-plots --runs 20 "$tmp/sub.csv" -o "$tmp/sub$n" >"$tmp/stdout" 2>"$tmp/err"
    rc=$?
    if [ $rc = 0 ] && ! grep -v "^revsim run: warning: " "$tmp/err" | grep -q . && ! cat "$tmp/sub$n"/*.csv | grep -qi "inf\|nan"; then
        nrun=$((nrun + 1))
    elif [ $rc = 65 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "sub.csv:$n: .*value 4.9e-324 is below the minimum" "$tmp/err"; then
        nwhole=$((nwhole + 1))
    else
        wrong="$wrong $n(exit $rc: $(head -c 120 "$tmp/err"))"
    fi
done
check "subnormal values: every row runs or says 0 is below its minimum ($nrun ran, $nwhole below)" \
    '[ -z "$wrong" ] && [ $nrun -gt 15 ]'
[ -z "$wrong" ] || echo "# rows that misbehaved:$wrong"
# all of them at once, with charts and the Monte Carlo: 0 everywhere, charts drawn
good=""
for n in $rows; do [ -s "$tmp/sub$n/summary.csv" ] && good="$good $n"; done
awk -F, -v OFS=, -v g="$good " 'NR > 1 && index(g, " " NR " ") { $3 = "4.9e-324"; $4 = ""; $5 = ""; $6 = "" } { print }' \
    "$S" >"$tmp/allsub.csv"
expect "all real values subnormal: runs" 0 "$bin" run -q --runs 50 "$tmp/allsub.csv" -o "$tmp/allsub"
check "all real values subnormal: read as 0" \
    'grep -q "^revenue_year1,CNY,0,0,0,0,0$" "$tmp/allsub/summary.csv" && ! cat "$tmp/allsub"/*.csv | grep -qi "inf\|nan"'
if command -v gnuplot >/dev/null 2>&1; then
    "$bin" run -q --runs 50 "$S" -o "$tmp/allref" >/dev/null 2>&1
    check "all real values subnormal: every chart drawn" \
        '[ "$(ls "$tmp/allsub" | grep -c "\.png$")" = "$(ls "$tmp/allref" | grep -c "\.png$")" ] &&
         [ "$(ls "$tmp/allref" | grep -c "\.png$")" -ge 7 ]'
fi
# values far below a chart's resolution (1e-20, in every key that is not a
# whole number) draw axes, not an empty frame
whole=" $("$bin" params | awk '/^  [a-z_]+ .* whole / { printf "%s ", $1 }')"
awk -F, -v OFS=, -v g="$good " -v w="$whole" 'NR > 1 && index(g, " " NR " ") && !index(w, " " $2 " ") { $3 = "1e-20"; $4 = ""; $5 = ""; $6 = "" } { print }' \
    "$S" >"$tmp/tiny.csv"
expect "tiny values: runs with charts" 0 "$bin" run -q --runs 20 --format svg "$tmp/tiny.csv" -o "$tmp/tiny"
if command -v gnuplot >/dev/null 2>&1; then
    check "tiny values: the fund chart has y tick labels" 'grep -q ">0.00<\|>0<" "$tmp/tiny/fund.svg"'
fi

# ---- file names that are not UTF-8 (item 6) ---------------------------------------
mk() {   # mk FILE NAME: a tiny valid scenario
    printf 'section,key,value\nscenario,name,%s\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,1\ncommunity:a,collection_start,0.5\ncommunity:a,cost_annual,20000\nother:x,income,%s\n' "$2" "${3:-1000}" >"$1"
}
bad1=$(printf 'caf\351')            # Latin-1 é: not UTF-8
bad2=$(printf 'esc\033[31mred')     # a terminal escape
mk "$tmp/$bad1.csv" A 1000
mk "$tmp/$bad2.csv" B 2000
expect "compare: file names not UTF-8" 0 "$bin" compare -q --no-plots --runs 0 "$tmp/$bad1.csv" "$tmp/$bad2.csv" -o "$tmp/utf"
check "comparison.csv: ids and paths cleaned, valid UTF-8" \
    'iconv -f UTF-8 -t UTF-8 "$tmp/utf/comparison.csv" >/dev/null 2>&1 &&
     iconv -f UTF-8 -t UTF-8 "$tmp/utf/comparison_annual.csv" >/dev/null 2>&1 &&
     ! grep -q "$(printf "\033")" "$tmp/utf/comparison.csv" "$tmp/utf/comparison_annual.csv" &&
     grep -q "^caf?,A,.*/caf?.csv,yes," "$tmp/utf/comparison.csv" &&
     grep -q "^esc \[31mred,B,.*/esc \[31mred.csv,no," "$tmp/utf/comparison.csv"'
check "report.html: ids and paths cleaned, valid UTF-8" \
    'iconv -f UTF-8 -t UTF-8 "$tmp/utf/report.html" >/dev/null 2>&1 && ! grep -q "$(printf "\033")" "$tmp/utf/report.html" &&
     grep -q "caf?.csv" "$tmp/utf/report.html"'

done_testing
