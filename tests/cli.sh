#!/bin/sh
# cli.sh: the revsim command line as a user meets it: exit statuses, one-line
# errors with nothing written, output files and their columns, CSV safety,
# golden outputs of the example scenarios, generated docs being current.
# usage: tests/cli.sh REVSIM
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# expect DESC STATUS CMD...: exit status and (for errors) one stderr line
expect() {
    desc=$1; want=$2; shift 2
    "$@" >"$tmp/stdout" 2>"$tmp/err"; got=$?
    if [ "$got" != "$want" ]; then bad "$desc: exit $got, want $want"; cat "$tmp/err"; return; fi
    if [ "$want" != 0 ] && [ "$(wc -l <"$tmp/err")" -lt 1 ]; then bad "$desc: no message"; return; fi
    ok
}

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
check "no temporary files left" '[ -z "$(ls -A "$tmp/run" | grep "^\.")" ]'
check "summary printed" 'grep -q "Net present value" "$tmp/stdout"'
check "annual.csv columns" '[ "$(head -1 "$tmp/run/annual.csv")" = "year,revenue,net_income,capex,fee_income,mgmt_cost,deficit,coverage,surplus,fund_end,revenue:x" ]'
check "monthly.csv columns" '[ "$(head -1 "$tmp/run/monthly.csv")" = "month,year,revenue,net_income,capex,fee_income,mgmt_cost,deficit,coverage,surplus,fund_end,revenue:x" ]'
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
        "$bin" run -q "$f" -o "$tmp/g/$stem" >/dev/null 2>&1
        if diff -r "tests/golden/$stem" "$tmp/g/$stem" >"$tmp/diff"; then ok
        else bad "golden $stem differs (make golden to accept)"; head -20 "$tmp/diff"; fi
    else
        bad "no golden output for $stem (make golden)"
    fi
done

# docs/parameters.md is what `revsim params --markdown` prints
if "$bin" params --markdown | diff -q - docs/parameters.md >/dev/null; then ok
else bad "docs/parameters.md is stale (make docs)"; fi
expect "params section" 0 "$bin" params shops
check "params lists rent" 'grep -q "^  rent " "$tmp/stdout"'
expect "params unknown" 2 "$bin" params nothing

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
