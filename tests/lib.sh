# lib.sh: what the command-line test scripts share. Sourced by a script run as
# `sh SCRIPT REVSIM`: sets bin (REVSIM, absolute) and tmp (removed on exit) and
# defines the named test cases below. Every case prints one TAP line
# ("ok 7 - run writes summary.csv" or "not ok 7 - ..."); tests/run_all.sh counts
# those lines. A script ends with `done_testing`, which prints the plan and
# exits non-zero when a case failed.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ntest=0; fail=0
# a fixed creation time in results.xlsx, so two runs give the same bytes
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764633600}
# ok NAME / bad NAME: record a case that passed / failed
ok()   { ntest=$((ntest+1)); echo "ok $ntest - $1"; }
bad()  { ntest=$((ntest+1)); fail=$((fail+1)); echo "not ok $ntest - $1"; }
# skip NAME WHY: a case that cannot run here (counts as neither)
skip() { echo "# skip: $1 ($2)"; }
# check NAME EXPR: EXPR (shell code, evaluated) succeeds
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
# diag FILE: show FILE (the details of a failure) as TAP comments
diag() { sed 's/^/# /' "$1" | head -${2:-20}; }

# expect NAME STATUS CMD...: CMD exits with STATUS (its output left in
# $tmp/stdout and $tmp/err); a usage error (2) prints a message, any other
# error exactly one line
expect() {
    desc=$1; want=$2; shift 2
    "$@" >"$tmp/stdout" 2>"$tmp/err"; got=$?
    if [ "$got" != "$want" ]; then bad "$desc (exit $got, want $want)"; diag "$tmp/err"; return; fi
    lines=$(wc -l <"$tmp/err")
    if { [ "$want" = 2 ] && [ "$lines" -lt 1 ]; } ||
       { [ "$want" != 0 ] && [ "$want" != 2 ] && [ "$lines" != 1 ]; }; then
        bad "$desc ($lines lines on stderr)"; diag "$tmp/err"; return
    fi
    ok "$desc"
}

# done_testing: the TAP plan; exit status 1 when a case failed
done_testing() { echo "1..$ntest"; [ "$fail" -eq 0 ]; }
