#!/bin/sh
# cli.sh: the revsim command line as a user meets it: exit statuses, one-line
# errors with nothing written, output files and their columns, CSV safety,
# golden outputs of the example scenarios, generated docs being current.
# usage: tests/cli.sh REVSIM
set -u
. "$(dirname "$0")/lib.sh"

valid='section,key,value
community:a,area_m2,1000
community:a,fee_rate,1
community:a,collection_start,0.5
community:a,cost_annual,20000
other:x,income,1500
other:x,capex,6000'
printf '%s\n' "$valid" >"$tmp/good.csv"
printf '%s\nshops:y,rnet,3\n' "$valid" >"$tmp/bad.csv"

expect "help" 0 "$bin" --help
expect "version" 0 "$bin" --version
check "version text" 'grep -q "^revsim [0-9]" "$tmp/stdout"'
expect "no command" 2 "$bin"
expect "unknown command" 2 "$bin" frobnicate
printf 'section,key,value\nscenario,name,ab"c\n' >"$tmp/quote.csv"
expect "a stray quote" 65 "$bin" check "$tmp/quote.csv"
check "a stray quote is explained" 'grep -q "quote.csv:2: malformed CSV: a double quote out of place (a field with a quote in it is quoted as a whole" "$tmp/err"'
expect "misspelt command" 2 "$bin" rn
check "misspelt command: did you mean" 'grep -q "^revsim: .rn. is not a command (did you mean .run.?); see .revsim --help.$" "$tmp/err"'
expect "run without file" 2 "$bin" run
expect "unknown option" 2 "$bin" run --bogus "$tmp/good.csv"
expect "run --help" 0 "$bin" run --help
check "run --help lists --output" 'grep -q -- "--output DIR" "$tmp/stdout"'
expect "missing input" 66 "$bin" run "$tmp/none.csv" -o "$tmp/o1"
check "missing input writes nothing" '[ ! -e "$tmp/o1" ]'

expect "bad data" 65 "$bin" run "$tmp/bad.csv" -o "$tmp/o2"
check "bad data: one line naming file, row, key" \
    '[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "bad.csv:8: shops:y.rnet: unknown key" "$tmp/err"'
check "bad data writes nothing" '[ ! -e "$tmp/o2" ]'
expect "check bad" 65 "$bin" check "$tmp/bad.csv"
check "check bad: one line" '[ "$(wc -l <"$tmp/err")" = 1 ]'
expect "check good" 0 "$bin" check "$tmp/good.csv"

mkdir -p "$tmp/ro"; chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    expect "unwritable output" 73 "$bin" run "$tmp/good.csv" -o "$tmp/ro/x"
fi
expect "output is a file" 73 "$bin" run "$tmp/good.csv" -o "$tmp/good.csv/x"

expect "run" 0 "$bin" run "$tmp/good.csv" -o "$tmp/run"
for f in annual monthly communities summary; do
    check "run writes $f.csv" '[ -s "$tmp/run/$f.csv" ]'
done
check "no temporary files left" '[ -z "$(ls -A "$tmp/run" | grep "^\." | grep -v "^\.revsim-")" ]'
check "summary printed" 'grep -q "Net present value" "$tmp/stdout"'
check "annual.csv columns" '[ "$(head -1 "$tmp/run/annual.csv")" = "year,revenue,net_income,capex,fee_income,mgmt_cost,deficit,coverage,surplus,fund_end,tax,subsidy,income_tax,fund_interest,draws,interest,principal,debt_service,debt_balance,dscr,cf,cf_equity,revenue:x" ]'
check "monthly.csv columns" '[ "$(head -1 "$tmp/run/monthly.csv")" = "month,year,revenue,net_income,capex,fee_income,mgmt_cost,deficit,coverage,surplus,fund_end,tax,subsidy,income_tax,fund_interest,draws,interest,principal,debt_service,debt_balance,dscr,cf,cf_equity,revenue:x" ]'
check "levers.csv columns" '[ "$(head -1 "$tmp/run/levers.csv")" = "lever,kind,community,year,revenue,tax,costs,net_income,capex,subsidy,cf" ]'
check "lever_summary.csv columns" '[ "$(head -1 "$tmp/run/lever_summary.csv")" = "lever,kind,community,capex_total,subsidy_total,net_income_stabilized,npv,irr,payback_years,coverage_share" ]'
check "no calendar.csv without a start month" '[ ! -e "$tmp/run/calendar.csv" ]'
check "communities.csv columns" '[ "$(head -1 "$tmp/run/communities.csv")" = "community,year,revenue,net_income,deficit,coverage,fee_income,mgmt_cost" ]'
check "summary.csv columns" '[ "$(head -1 "$tmp/run/summary.csv")" = "metric,unit,base,mean,p10,p50,p90" ]'
# hand-worked: fee 500, cost 1666.67, gap 1166.67/month; income 1500/month
check "annual year 1 by hand" '[ "$(sed -n 2p "$tmp/run/annual.csv" | cut -d, -f1-8)" = "1,18000,18000,6000,6000,20000,14000,1.285714286" ]'
check "monthly rows" '[ "$(wc -l <"$tmp/run/monthly.csv")" = 121 ]'
check "payback by hand (4 months)" 'grep -q "^payback_years,years,0.3333333333,0.3333333333,0.3333333333,0.3333333333,0.3333333333$" "$tmp/run/summary.csv"'

# default output folder: out/<stem>/ relative to the working folder
( cd "$tmp" && "$bin" run -q good.csv ) && check "default output folder" '[ -s "$tmp/out/good/summary.csv" ]' || bad "run with default folder"

# formula neutralisation and --excel
printf '%s\nscenario,currency,=1+2\n' "$valid" >"$tmp/formula.csv"
expect "formula scenario" 0 "$bin" run -q --excel "$tmp/formula.csv" -o "$tmp/f"
check "formula cell neutralised" 'grep -q "^npv,\"'"'"'=1+2\"," "$tmp/f/summary.csv"'
check "--excel writes a BOM" '[ "$(head -c 3 "$tmp/f/annual.csv" | od -An -tx1 | tr -d " ")" = efbbbf ]'
check "no BOM without --excel" '[ "$(head -c 4 "$tmp/run/annual.csv")" = year ]'

# every example scenario checks, runs, and matches its golden output
for f in scenarios/*.csv; do
    stem=$(basename "$f" .csv)
    expect "check $stem" 0 "$bin" check "$f"
    if [ -d "tests/golden/$stem" ]; then
        "$bin" run -q --no-plots "$f" -o "$tmp/g/$stem" >/dev/null 2>&1
        if diff -r -x .revsim-run -x results.xlsx "tests/golden/$stem" "$tmp/g/$stem" >"$tmp/diff"; then ok "golden $stem"
        else bad "golden $stem differs (make golden to accept)"; diag "$tmp/diff"; fi
    else
        bad "no golden output for $stem (make golden)"
    fi
done

# Monte Carlo: same seed, same numbers for any thread count
expect "mc 1 thread" 0 "$bin" run -q --no-plots --runs 600 --seed 5 --threads 1 scenarios/qingyang-old-estates.csv -o "$tmp/mc1"
expect "mc 2 threads" 0 "$bin" run -q --no-plots --runs 600 --seed 5 --threads 2 scenarios/qingyang-old-estates.csv -o "$tmp/mc2"
check "mc identical for 1 and 2 threads" 'cmp -s "$tmp/mc1/summary.csv" "$tmp/mc2/summary.csv" && cmp -s "$tmp/mc1/mc_annual.csv" "$tmp/mc2/mc_annual.csv"'
check "mc_annual.csv columns" '[ "$(head -1 "$tmp/mc1/mc_annual.csv")" = "year,revenue_mean,revenue_p10,revenue_p50,revenue_p90,net_income_mean,net_income_p10,net_income_p50,net_income_p90,coverage_mean,coverage_p10,coverage_p50,coverage_p90,fund_end_mean,fund_end_p10,fund_end_p50,fund_end_p90,p_covered" ]'
check "summary has Monte Carlo columns" 'grep -q "^p_covered_stabilized,probability,[01],0\.[0-9]*,,,$" "$tmp/mc1/summary.csv"'
expect "runs 0: no Monte Carlo" 0 "$bin" run -q --no-plots --runs 0 "$tmp/good.csv" -o "$tmp/mc0"
check "runs 0 writes no mc_annual.csv" '[ ! -e "$tmp/mc0/mc_annual.csv" ] && grep -q "^npv,CNY,[-0-9.e+]*,,,,$" "$tmp/mc0/summary.csv"'
expect "short options -n -j" 0 "$bin" run -n 50 -j 1 --no-plots "$tmp/good.csv" -o "$tmp/short"
check "-n sets the runs" 'grep -q "over 50 Monte Carlo runs" "$tmp/stdout"'
expect "option without its value" 2 "$bin" run "$tmp/good.csv" -o
expect "bad --runs" 2 "$bin" run --runs many "$tmp/good.csv"
expect "bad --threads" 2 "$bin" run --threads 0 "$tmp/good.csv"

# sweep, solve, fit on a case worked by hand: npv = 12 income - capex (r = 0, 1 year)
printf 'section,key,value,low,high
scenario,horizon_years,1
scenario,discount_rate,0
community:a,area_m2,1000
community:a,fee_rate,1
community:a,collection_start,0.5
community:a,cost_annual,20000
other:x,capex,6000,3000,9000
other:x,income,1000,500,2000
' >"$tmp/an.csv"
expect "sweep" 0 "$bin" sweep --no-plots "$tmp/an.csv" -o "$tmp/sw"
check "tornado.csv ranks income first" 'sed -n 2p "$tmp/sw/tornado.csv" | grep -q "^1,other:x.income,CNY/month,500,1000,2000,npv,6000,0,18000,18000$"'
check "tornado.csv ranks capex second" 'sed -n 3p "$tmp/sw/tornado.csv" | grep -q "^2,other:x.capex,CNY,3000,6000,9000,npv,6000,9000,3000,6000$"'
expect "sweep unknown metric" 2 "$bin" sweep "$tmp/an.csv" --metric nope
expect "solve" 0 "$bin" solve "$tmp/an.csv" --for other:x.income --metric npv --target 0
check "solve finds income 500" 'grep -q "^other:x,income,500$" "$tmp/stdout"'
expect "solve not bracketed" 65 "$bin" solve "$tmp/an.csv" --for other:x.income --metric npv --target 1e7
check "solve says not bracketed, and which way (npv 0 at 500, 18,000 at 2,000)" 'grep -q "target npv = 10,000,000 is not bracketed: it is 0 at other:x.income = 500 and 18,000 at 2,000, both below the target; widen --bracket (the default bracket is the parameter.s low:high)" "$tmp/err"'
expect "solve: a metric misspelt" 2 "$bin" solve "$tmp/an.csv" --for other:x.income --metric dscr_mn --target 1
check "solve: the metric it likely means" 'grep -q "unknown metric .dscr_mn. (did you mean .dscr_min.?)" "$tmp/err"'
expect "solve: part of a metric's name" 2 "$bin" solve "$tmp/an.csv" --for other:x.income --metric p_dscr --target 1
check "solve: the metric it is part of" 'grep -q "(did you mean .p_dscr_above_1.?)" "$tmp/err"'
expect "solve no range, no bracket" 2 "$bin" solve "$tmp/an.csv" --for community:a.fee_rate --metric npv --target 0
expect "solve unknown parameter" 2 "$bin" solve "$tmp/an.csv" --for other:y.income --metric npv --target 0
printf 'month,value
1,0.2700
2,0.3001
3,0.3702
4,0.4999
5,0.6301
6,0.7000
7,0.7300
8,0.7302
9,0.7299
10,0.7300
' >"$tmp/hist.csv"
expect "fit" 0 "$bin" fit "$tmp/hist.csv" --as community:a.collection
check "fit prints scenario rows" 'grep -q "^community:a,collection_target,0.7[23]" "$tmp/stdout" && grep -q "^community:a,ramp_months,[0-9]*," "$tmp/stdout"'
expect "fit shipped example" 0 "$bin" fit scenarios/observed/estate-collection.csv --as community:a.collection
check "fit shipped example: 24-month ramp" 'grep -q "in a scenario: 24)" "$tmp/stdout"'
{ sed -n '/^section,key,value,low,high,dist,unit,note$/,$p' "$tmp/stdout"
  printf 'community:a,area_m2,1000,,,,,\ncommunity:a,fee_rate,1,,,,,\ncommunity:a,cost_annual,20000,,,,,\n'; } >"$tmp/fitted.csv"
expect "fitted rows paste into a scenario" 0 "$bin" check "$tmp/fitted.csv"
check "fitted rows carry ranges" 'grep -q "3 ranged parameters" "$tmp/stdout"'
expect "fit --as with _target" 2 "$bin" fit scenarios/observed/estate-collection.csv --as community:a.collection_target
printf 'month,value
1,0.2
x,0.3
' >"$tmp/badhist.csv"
expect "fit bad month" 65 "$bin" fit "$tmp/badhist.csv"
check "fit error names row" 'grep -q "badhist.csv:3: month" "$tmp/err"'
# values whose sums overflow: no result (was ramp_months,-9223372036854775808 and R^2 -nan, exit 0)
printf 'month,value\n1,0\n6,2\n7,0\n8,1e308\n' >"$tmp/hugehist.csv"
expect "fit: no finite fit" 65 "$bin" fit "$tmp/hugehist.csv" --as community:a.collection
check "fit: no finite fit says so, prints nothing" 'grep -q "hugehist.csv: the values give no finite fit" "$tmp/err" && [ ! -s "$tmp/stdout" ]'
printf 'month,value\n1,0.2\n2,inf\n' >"$tmp/infhist.csv"
expect "fit: infinity refused" 65 "$bin" fit "$tmp/infhist.csv"
check "fit: infinity refused, row named" 'grep -q "infhist.csv:3: value: .inf. is not a finite number" "$tmp/err"'
# calendar months and a Chinese header give the same fit as month numbers
awk -F, 'NR == 1 { print "月份,数值"; next } { m = $1 + 3; printf "%d-%02d,%s\n", 2023 + int((m - 1) / 12), (m - 1) % 12 + 1, $2 }' \
    scenarios/observed/estate-collection.csv >"$tmp/zhhist.csv"
expect "fit: YYYY-MM months, Chinese header" 0 "$bin" fit "$tmp/zhhist.csv"
check "fit: YYYY-MM months fit as month numbers" '"$bin" fit scenarios/observed/estate-collection.csv | tail -n +2 >"$tmp/fit_num"; tail -n +2 "$tmp/stdout" | cmp -s - "$tmp/fit_num"'

# correlations: a matrix that is not positive definite is a clear error
printf '%s
other:x,growth,0.02,0,0.04
correlation,other:x.income|other:x.capex,0.9
correlation,other:x.income|other:x.growth,0.9
correlation,other:x.capex|other:x.growth,-0.9
' "$(cat "$tmp/an.csv")" >"$tmp/corr.csv"
expect "non-PD correlation" 65 "$bin" check "$tmp/corr.csv"
check "non-PD message names the row that breaks it" 'grep -q "corr.csv:12: correlation.other:x.income|other:x.growth: with this row the correlations are impossible together" "$tmp/err"'
# a variant that fixes a correlated value drops the correlation with a
# warning naming both rows; the same in one file stays an error
printf '%s
correlation,other:x.income|other:x.capex,0.5
' "$(cat "$tmp/an.csv")" >"$tmp/corrbase.csv"
printf 'section,key,value\nscenario,base,corrbase.csv\nother:x,income,1200\n' >"$tmp/corrvar.csv"
expect "variant fixing a correlated value" 0 "$bin" check "$tmp/corrvar.csv"
check "the correlation is dropped, both rows named" 'grep -q "corrbase.csv:10: correlation.other:x.income|other:x.capex: dropped, since .*corrvar.csv:3 sets other:x.income without low/high" "$tmp/err" && grep -q "1 ranged parameter, 0 correlations" "$tmp/stdout"'
absbin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
check "a base beside a file named without a folder is named plainly" '(cd "$tmp" && "$absbin" check corrvar.csv 2>&1 >/dev/null) | grep -q "^revsim check: warning: corrbase.csv:10: correlation"'
sed 's/^other:x,income,1000,500,2000$/other:x,income,1000/' "$tmp/corrbase.csv" >"$tmp/corrfixed.csv"
expect "correlating a fixed value in its own file" 65 "$bin" check "$tmp/corrfixed.csv"
check "the error names the correlation row" 'grep -q "corrfixed.csv:10: correlation.other:x.income|other:x.capex: .other:x.income. is not a parameter with low/high" "$tmp/err"'

# a percentage on an amount is a slip (5% of a CNY figure); on a share it is 0.6 = 60%
sed 's/^other:x,capex,6000,3000,9000$/other:x,capex,5%/' "$tmp/an.csv" >"$tmp/pctamount.csv"
expect "a percentage on an amount" 65 "$bin" check "$tmp/pctamount.csv"
check "the error names row, key and unit" 'grep -q "pctamount.csv:8: other:x.capex: value .5%. is a percentage, but the key is in CNY: write the amount itself" "$tmp/err"'
printf '%s\nother:x,growth,2%%,0%%,4%%\n' "$(cat "$tmp/an.csv")" >"$tmp/pctshare.csv"
expect "percentages on a rate, low and high too" 0 "$bin" check "$tmp/pctshare.csv"

# a grant paid or a loan drawn after the horizon is left out, with a warning
printf '%s\ngrant:city,amount,1000\ngrant:city,month,13\nloan:bank,amount,5000\nloan:bank,month,20\nloan:bank,rate,0.04\nloan:bank,term_years,1\n' "$(cat "$tmp/an.csv")" >"$tmp/late.csv"
expect "grant and loan after the horizon" 0 "$bin" check "$tmp/late.csv"
check "both are named with their rows" 'grep -q "late.csv:11: grant:city.month: month 13 is after the horizon (12 months): the grant is never paid" "$tmp/err" && grep -q "late.csv:13: loan:bank.month: month 20 is after the horizon (12 months): the loan is never drawn" "$tmp/err"'

# a charger priced by the session alone may set price_per_kwh to 0: no
# typical-range warning (so --strict passes); a price that is 0 by itself is
sed -n '1,7p' "$tmp/an.csv" >"$tmp/pps.csv"
printf 'chargers:eb,community,a\nchargers:eb,ports,20\nchargers:eb,sessions_target,1.5\nchargers:eb,price_per_session,1\nchargers:eb,price_per_kwh,0\n' >>"$tmp/pps.csv"
expect "per-session charger with price_per_kwh 0, --strict" 0 "$bin" check --strict "$tmp/pps.csv"
check "no warning about price_per_kwh" '! grep -q "price_per_kwh" "$tmp/err"'

# docs/parameters.md is what `revsim params --markdown` prints
if "$bin" params --markdown | diff -q - docs/parameters.md >/dev/null; then ok "docs/parameters.md is current"
else bad "docs/parameters.md is stale (make docs)"; fi
expect "params section" 0 "$bin" params shops
check "params lists rent" 'grep -q "^  rent " "$tmp/stdout"'
expect "params unknown" 2 "$bin" params nothing

# a later run leaves no stale output of an earlier one (but keeps sweep's)
expect "stale: full run" 0 "$bin" run -q --runs 50 scenarios/yongfengli.csv -o "$tmp/stale"
expect "stale: sweep in the same folder" 0 "$bin" sweep -q scenarios/yongfengli.csv -o "$tmp/stale"
expect "stale: run without Monte Carlo or charts" 0 "$bin" run -q --runs 0 --no-plots scenarios/yongfengli.csv -o "$tmp/stale"
check "stale: mc_annual.csv and charts of the earlier run are gone" '[ ! -e "$tmp/stale/mc_annual.csv" ] && [ ! -e "$tmp/stale/coverage.png" ]'
check "stale: sweep output kept" '[ -s "$tmp/stale/tornado.csv" ] && [ -s "$tmp/stale/summary.csv" ]'
printf 'mine\n' >"$tmp/stale/notes.txt"
expect "stale: again" 0 "$bin" run -q --runs 0 --no-plots scenarios/yongfengli.csv -o "$tmp/stale"
check "stale: files revsim did not write stay" '[ -s "$tmp/stale/notes.txt" ]'
mkdir -p "$tmp/inway/summary.csv"
expect "a folder in the way" 73 "$bin" run -q --no-plots --runs 0 scenarios/yongfengli.csv -o "$tmp/inway"
check "a folder in the way: nothing renamed" '[ ! -e "$tmp/inway/annual.csv" ] && [ -z "$(ls -A "$tmp/inway" | grep -v "^summary.csv$")" ]'
check "unit in 万元 refused" 'printf "section,key,value,unit\ncommunity:a,area_m2,1000,\ncommunity:a,fee_rate,1,\ncommunity:a,collection_start,0.5,\ncommunity:a,cost_annual,54,万元/year\n" >"$tmp/wan.csv"; ! "$bin" check "$tmp/wan.csv" 2>"$tmp/err" && grep -q "wan.csv:5: community:a.cost_annual: unit" "$tmp/err"'

expect "solve bracket outside the bounds" 2 "$bin" solve scenarios/yongfengli.csv --for shops:idle-shops.occupancy_target --metric revenue_stabilized --target 1000000 --bracket 0:5
check "solve names the bounds" 'grep -q "leaves the bounds of shops:idle-shops.occupancy_target (0 to 1)" "$tmp/err"'

# standard output that cannot be written (a full disk) is an error, not exit 0
if [ -w /dev/full ]; then
    "$bin" check "$tmp/good.csv" >/dev/full 2>"$tmp/err"; rc=$?
    check "stdout on a full disk: exit 73, says so" '[ $rc = 73 ] && grep -q "^revsim check: standard output: No space left on device$" "$tmp/err"'
fi

# a chart that fails fails the whole output set (the CSV files were committed before)
expect "run: gnuplot fails" 69 env REVSIM_GNUPLOT=/bin/false "$bin" run -q --runs 0 "$tmp/good.csv" -o "$tmp/gpfail"
check "run: gnuplot fails: nothing written" '[ -z "$(ls -A "$tmp/gpfail")" ]'
expect "sweep: gnuplot fails" 69 env REVSIM_GNUPLOT=/bin/false "$bin" sweep -q "$tmp/an.csv" -o "$tmp/gpfail2"
check "sweep: gnuplot fails: nothing written" '[ -z "$(ls -A "$tmp/gpfail2")" ]'

# temporary files of a killed run (a PID that no longer runs) are swept away
mkdir -p "$tmp/orphan"; : >"$tmp/orphan/.annual.csv.2147483646.tmp"; : >"$tmp/orphan/.keep.tmp"
expect "orphans" 0 "$bin" run -q --no-plots --runs 0 scenarios/yongfengli.csv -o "$tmp/orphan"
check "orphaned temporary file removed, others kept" '[ ! -e "$tmp/orphan/.annual.csv.2147483646.tmp" ] && [ -e "$tmp/orphan/.keep.tmp" ]'

# warnings: an override that drops a range, a lever that starts after the horizon
printf 'section,key,value\nscenario,base,%s/scenarios/yongfengli.csv\nshops:idle-shops,rent,30\nother:merchant-alliance,start_month,500\n' "$(pwd)" >"$tmp/warn.csv"
expect "warnings are not errors" 0 "$bin" check "$tmp/warn.csv"
check "warning: override drops low/high" 'grep -q "warn.csv:3: shops:idle-shops.rent: overrides .*yongfengli.csv:21, which had low/high" "$tmp/err"'
check "warning: start after the horizon" 'grep -q "warn.csv:4: other:merchant-alliance.start_month: month 500 is after the horizon" "$tmp/err"'

# at most 100,000 communities and levers (memory of the results grows with them x months)
{ printf 'section,key,value\ncommunity:a,area_m2,1\ncommunity:a,fee_rate,1\ncommunity:a,collection_start,1\ncommunity:a,cost_annual,1\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "other:o%d,income,1\n", i }'; } >"$tmp/many.csv"
expect "too many levers" 65 "$bin" check "$tmp/many.csv"
check "too many levers: message" 'grep -q "many.csv:100005: other:o99999.income: more than 100000 communities and levers together" "$tmp/err"'

# solve sizes a loan: income 20,000 a month; a 0% loan of A over one year is
# repaid A/12 a month in months 2..13, so year 1 has 11 payments and
# dscr_min = 240,000 / (11 A / 12) = 1.3 at A = 2,880,000 / 14.3 = 201,398.6
printf 'section,key,value\nscenario,horizon_years,2\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,0\ncommunity:a,collection_start,0\ncommunity:a,cost_annual,0\nother:x,income,20000\nloan:bond,amount,100000\nloan:bond,term_years,1\n' >"$tmp/loan.csv"
expect "solve for a loan amount" 0 "$bin" solve "$tmp/loan.csv" --for loan:bond.amount --metric dscr_min --target 1.3 --bracket 10000:1000000
check "solve: the amount by hand (201,398.6)" 'grep -Eq "^loan:bond,amount,201(398\.6|399)" "$tmp/stdout"'

# plausibility: far outside the typical range is a warning, --strict an error
printf 'section,key,value,low,high\nscenario,base,%s/scenarios/yongfengli.csv\nshops:idle-shops,rent,350,300,400\n' "$(pwd)" >"$tmp/implaus.csv"
expect "implausible value: a warning" 0 "$bin" check "$tmp/implaus.csv"
check "implausible value: names row, key, typical range" 'grep -q "implaus.csv:3: shops:idle-shops.rent: 350 is outside the typical 5 to 300 CNY/m2/month" "$tmp/err"'
check "implausible result: named" 'grep -q "result coverage_stabilized = .* is outside the typical 0 to 10" "$tmp/err"'
expect "implausible value with --strict: an error" 65 "$bin" check --strict "$tmp/implaus.csv"
expect "run --strict fails" 65 "$bin" run -q --no-plots --runs 0 --strict "$tmp/implaus.csv" -o "$tmp/strict"
check "run --strict writes nothing" '[ ! -e "$tmp/strict/annual.csv" ]'
expect "the examples pass --strict" 0 "$bin" check --strict scenarios/chidian.csv
# advice on the results: covered in year 1 (18,000 against 20,000 - 6,000 =
# 14,000: 128.6%), not later (costs +50% a year: deficits 24,000 and 39,000),
# the fund 4,000, -2,000, -23,000; --strict lets advice be
printf 'section,key,value\nscenario,horizon_years,3\nscenario,discount_rate,0\ncommunity:c,area_m2,1000\ncommunity:c,fee_rate,1\ncommunity:c,collection_start,0.5\ncommunity:c,cost_annual,20000\ncommunity:c,cost_growth,50%%\nother:x,income,1500\n' >"$tmp/advice.csv"
expect "advice: not an error with --strict" 0 "$bin" check --strict "$tmp/advice.csv"
check "advice: the fund below zero after the stabilized year" 'grep -q "advice.csv: result: the stabilized year is covered (128.6%) but the fund is below zero after it (lowest -23,000 CNY, month 36); see annual.csv" "$tmp/err"'
printf 'fund,initial,100000\n' >>"$tmp/advice.csv"
expect "advice: a fund that lasts" 0 "$bin" check --strict "$tmp/advice.csv"
check "advice: the last year uncovered (18,000 / 39,000 = 46.2%)" 'grep -q "but the last year is not (46.2%): costs outgrow income" "$tmp/err"'
printf 'section,key,value\nscenario,base,%s\ncommunity:c,cost_growth,0\n' "$tmp/advice.csv" >"$tmp/advice2.csv"
expect "advice: none when every year is covered" 0 "$bin" check "$tmp/advice2.csv"
check "advice: none printed" '! grep -q "result:" "$tmp/err"'
# ---- the command line itself: generated usage, errors only from main ---------------------
expect "usage error" 2 "$bin" run --bogus "$tmp/good.csv"
check "usage error: the message, then the generated usage line" \
    '[ "$(sed -n 1p "$tmp/err")" = "revsim run: unknown option '"'"'--bogus'"'"'" ] &&
     sed -n 2p "$tmp/err" | grep -q "^usage: revsim run SCENARIO \[--output DIR\] \[--runs N\]"'
expect "missing operand" 2 "$bin" check
check "missing operand: says what" 'grep -q "^revsim check: missing SCENARIO$" "$tmp/err"'
expect "extra operand" 2 "$bin" check "$tmp/good.csv" "$tmp/bad.csv"
check "extra operand: names it" 'grep -q "^revsim check: unexpected argument .*bad.csv.$" "$tmp/err"'
expect "required option" 2 "$bin" solve "$tmp/good.csv" --metric npv --target 0
check "required option: named" 'grep -q "option .--for SECTION.KEY. is required" "$tmp/err"'
for c in run check sweep solve fit compare params; do
    "$bin" $c --help >"$tmp/help" 2>&1
    # every option row of the help is in the usage line (both come from the table)
    if awk '/^usage:/,/^$/ { u = u $0 } /^  (-., )?    --|^  -., --/ {
              for (i = 1; i <= NF; i++) if ($i ~ /^--/) { o = $i; sub(/,$/, "", o); if (o != "--help") need[o] = 1 } }
            END { for (o in need) if (index(u, "[" o) == 0 && index(u, " " o " ") == 0) { print o; bad = 1 } exit bad }' "$tmp/help" >"$tmp/missing"
    then ok "$c --help: usage line names every option"
    else bad "$c --help: usage line lacks $(tr '\n' ' ' <"$tmp/missing")"; fi
done
check "only the mains and rs_warn write to stderr" \
    '[ "$(grep -l "stderr" cli/*.c | tr "\n" " ")" = "cli/cli.c cli/main.c cli/mpi_main.c " ] &&
     [ "$(grep -c "fprintf(stderr" cli/cli.c)" = 3 ]'

# ---- terminal text: control characters stripped, Chinese aligned, counted nouns --------------
printf 'section,key,value,low,high\nscenario,name,Esc\033[31mName\nscenario,currency,\033]0;x\007元\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,1\ncommunity:a,collection_start,0.5\ncommunity:a,cost_annual,20000\nother:东街商铺,income,1000,500,2000\nother:东街商铺,capex,6000,3000,9000\nother:x,income,100\ncorrelation,other:东街商铺.income|other:东街商铺.capex,0.3\n' >"$tmp/esc.csv"
expect "run: escapes in name and currency" 0 "$bin" run -n 20 --no-plots "$tmp/esc.csv" -o "$tmp/esc"
check "run: no control character reaches the terminal" '! LC_ALL=C grep -q "[[:cntrl:]]" "$tmp/stdout" && grep -q "^Esc \[31mName  (" "$tmp/stdout" && grep -q " 元" "$tmp/stdout"'
check "run: lever table aligned with a Chinese name" \
    '[ "$(sed -n "/^  Lever /,/^wrote/p" "$tmp/stdout" | grep -v "^wrote" | while IFS= read -r l; do printf "%s\n" "$l" | LC_ALL=C.UTF-8 wc -L; done | sort -u | wc -l)" = 1 ]'
expect "check: counted nouns" 0 "$bin" check "$tmp/esc.csv"
check "check: 1 community, 1 correlation, no escape" \
    'grep -q "; 1 community, 2 levers, 2 ranged parameters, 1 correlation, 10 years)$" "$tmp/stdout" && ! LC_ALL=C grep -q "[[:cntrl:]]" "$tmp/stdout"'
expect "sweep: Chinese lever names" 0 "$bin" sweep --no-plots "$tmp/esc.csv" -o "$tmp/esc"
check "sweep: columns aligned by display width, name cleaned" \
    '[ "$(grep "^  [0-9]" "$tmp/stdout" | sed "s/ [0-9,.-]* \.\. .*//" | while IFS= read -r l; do printf "%s\n" "$l" | LC_ALL=C.UTF-8 wc -L; done | sort -u)" = 45 ] && ! LC_ALL=C grep -q "[[:cntrl:]]" "$tmp/stdout"'
printf 'section,key,value\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,1\ncommunity:a,collection_start,0.5\ncommunity:a,cost_annual,20000\nother:x,income,100\n' >"$tmp/one.csv"
expect "run: one of everything" 0 "$bin" run -n 1 --no-plots "$tmp/one.csv" -o "$tmp/one"
check "run: 1 lever, 1 community, 1 Monte Carlo run" \
    'grep -q "(.*one.csv; 10 years, 1 lever, 1 community)$" "$tmp/stdout" && grep -q "(P10/P50/P90 over 1 Monte Carlo run)$" "$tmp/stdout"'
printf 'section,key,value\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,10\ncommunity:a,collection_start,1\ncommunity:a,cost_annual,1000\nother:x,income,10\nother:x,capex,1000000\n' >"$tmp/nodef.csv"
expect "run: no deficit, never paid back" 0 "$bin" run --runs 0 --no-plots "$tmp/nodef.csv" -o "$tmp/nodef"
check "run: empty values in the metric table's words, never a bare -" \
    'grep -q "^  Coverage, stabilized year  *no deficit$" "$tmp/stdout" && grep -q "^  Payback  *never$" "$tmp/stdout" &&
     grep -q "^  x .*never no deficit$" "$tmp/stdout" && ! grep -q " -$" "$tmp/stdout"'
# the reader's hints reach the user
for v in "rent,125万:not 125万 or 150元" "rent,150元:not 125万 or 150元" "rent,１２:not full-width" "occupancy_target,90:did you mean 90%?"; do
    row=${v%%:*}; hint=${v#*:}
    printf 'section,key,value\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,1\ncommunity:a,collection_start,0.5\ncommunity:a,cost_annual,20000\nshops:s,count,3\nshops:s,area_m2,20\nshops:s,%s\n' "$row" >"$tmp/hint.csv"
    [ "${row%%,*}" = rent ] && printf 'shops:s,occupancy_target,0.9\n' >>"$tmp/hint.csv" || printf 'shops:s,rent,30\n' >>"$tmp/hint.csv"
    expect "hint for '$row'" 65 "$bin" check "$tmp/hint.csv"
    check "hint for '$row': $hint" 'grep -qF "$hint" "$tmp/err"'
done
printf 'section,key,value\ncommunity:东街小区,area_m2,1000\ncommunity:东街小区,fee_rate,1\ncommunity:东街小区,collection_start,0.5\ncommunity:东街小区,cost_annual,20000\ncommunity:西街,area_m2,1000\ncommunity:西街,fee_rate,1\ncommunity:西街,collection_start,0.5\ncommunity:西街,cost_annual,20000\nother:x,income,100\nother:x,community,东街小去\n' >"$tmp/typo.csv"
expect "community typo" 65 "$bin" check "$tmp/typo.csv"
check "community typo: did you mean" 'grep -q "names no community .东街小去. (did you mean .东街小区.?)" "$tmp/err"'
printf 'section,key,value\nscenario,name,ok\n\033[2Jcommunity:a,area_m2,x\033[31my\n' >"$tmp/escerr.csv"
expect "escapes in an error message" 65 "$bin" check "$tmp/escerr.csv"
check "error message cleaned" '! LC_ALL=C grep -q "[[:cntrl:]]" "$tmp/err"'

# ---- solve prints the digits the unit needs ---------------------------------------------------
expect "solve a share" 0 "$bin" solve scenarios/yongfengli.csv --for shops:idle-shops.rent_uplift --metric coverage_stabilized --target 1 --bracket -0.5:1
check "solve a share: a percent to 0.01%, the row to 4 decimals" \
    'grep -q "^shops:idle-shops.rent_uplift = 15.01% makes coverage_stabilized = 1 (searched -50% .. 100%; base value 60%)$" "$tmp/stdout" &&
     grep -q "^shops:idle-shops,rent_uplift,0.1501$" "$tmp/stdout"'
expect "solve money" 0 "$bin" solve "$tmp/an.csv" --for other:x.income --metric npv --target 100
check "solve money: to the fen" 'grep -q "^other:x.income = 508.33 makes npv = 100 " "$tmp/stdout" && grep -q "^other:x,income,508.33$" "$tmp/stdout"'

# ---- --excel for every command that writes CSV ------------------------------------------------
expect "sweep --excel" 0 "$bin" sweep -q --no-plots --excel "$tmp/an.csv" -o "$tmp/swx"
check "sweep --excel: tornado.csv starts with a BOM" '[ "$(head -c 3 "$tmp/swx/tornado.csv" | od -An -tx1 | tr -d " ")" = efbbbf ]'

# ---- fit: rows check accepts, written with libcsv, estimation error said plainly ----------------
expect "fit says what the intervals are" 0 "$bin" fit "$tmp/hist.csv"
check "fit: estimation error, not forecast uncertainty" 'grep -q "estimation error" "$tmp/stdout" && grep -q "not forecast uncertainty" "$tmp/stdout"'
for q in parking:p.utilization shops:s.occupancy; do
    cp "$tmp/hist.csv" "$tmp/a,b \"c\".csv"
    expect "fit --as $q, a path with a comma and quotes" 0 "$bin" fit "$tmp/a,b \"c\".csv" --as $q
    { sed -n '/^section,key,value,low,high,dist,unit,note$/,$p' "$tmp/stdout"
      printf 'community:a,area_m2,1000,,,,,\ncommunity:a,fee_rate,1,,,,,\ncommunity:a,collection_start,0.5,,,,,\ncommunity:a,cost_annual,20000,,,,,\n'
      case $q in parking*) printf 'parking:p,spaces,10,,,,,\nparking:p,fee,100,,,,,\n';;
                 *) printf 'shops:s,count,2,,,,,\nshops:s,area_m2,20,,,,,\nshops:s,rent,30,,,,,\n';; esac; } >"$tmp/fitted2.csv"
    expect "fit --as $q: the rows pass check" 0 "$bin" check "$tmp/fitted2.csv"
    check "fit --as $q: ranges kept" 'grep -q "3 ranged parameters" "$tmp/stdout"'
done
expect "fit --as parking occupancy" 2 "$bin" fit "$tmp/hist.csv" --as parking:p.occupancy
check "fit --as parking occupancy: points to utilization" 'grep -q "parking has no occupancy_start/occupancy_target; its ramp quantity is utilization (--as parking:p.utilization)" "$tmp/err"'
expect "fit --as unknown section" 2 "$bin" fit "$tmp/hist.csv" --as lots:p.occupancy
check "fit --as unknown section: the list" 'grep -q "unknown section type .lots.; fit writes rows for community:NAME.collection, shops:NAME.occupancy, parking:NAME.utilization, chargers:NAME.sessions$" "$tmp/err"'
printf 'month,value\n1,0\n6,2\n7,0\n8,1e308\n' >"$tmp/wild.csv"
expect "fit of wild values" 65 "$bin" fit "$tmp/wild.csv" --as shops:s.occupancy
check "fit of wild values: no garbage printed" '[ ! -s "$tmp/stdout" ]'

# ---- params: every section, Chinese labels ----------------------------------------------------
for sec in scenario community shops parking chargers other fund grant loan optimize correlation loan:bank; do
    expect "params $sec" 0 "$bin" params "$sec"
done
expect "params --lang zh" 0 "$bin" params --lang zh community
check "params --lang zh: label_zh next to the key" 'grep -q "^  fee_rate  *物业费单价  *CNY/m2/month " "$tmp/stdout" && grep -q "^community:NAME  小区物业  -  " "$tmp/stdout"'
check "params --lang zh: columns aligned by display width" \
    '[ "$(grep "^  [a-z]" "$tmp/stdout" | sed "s/^\(  [^ ]*  *[^ ]*  *\).*/\1/" | while IFS= read -r l; do printf "%s\n" "$l" | LC_ALL=C.UTF-8 wc -L; done | sort -u | wc -l)" = 1 ]'

done_testing
