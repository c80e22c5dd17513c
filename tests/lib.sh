# lib.sh: what the command-line test scripts share. Sourced by a script run as
# `sh SCRIPT REVSIM`: sets bin (REVSIM, absolute) and tmp (removed on exit),
# counts pass and fail, and defines ok, bad, check and expect.
# Each script prints its own "NAME: N passed, N failed" line (run_all.sh reads it).
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
# check DESC EXPR: EXPR (shell code, evaluated) succeeds
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# expect DESC STATUS CMD...: CMD exits with STATUS (its output left in
# $tmp/stdout and $tmp/err); a usage error (2) prints a message, any other
# error exactly one line
expect() {
    desc=$1; want=$2; shift 2
    "$@" >"$tmp/stdout" 2>"$tmp/err"; got=$?
    if [ "$got" != "$want" ]; then bad "$desc: exit $got, want $want"; cat "$tmp/err"; return; fi
    lines=$(wc -l <"$tmp/err")
    if { [ "$want" = 2 ] && [ "$lines" -lt 1 ]; } ||
       { [ "$want" != 0 ] && [ "$want" != 2 ] && [ "$lines" != 1 ]; }; then
        bad "$desc: $lines lines on stderr"; cat "$tmp/err"; return
    fi
    ok
}
