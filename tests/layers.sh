#!/bin/sh
# layers.sh: fail when a layer uses a layer above it, by include or by symbol.
# usage: tests/layers.sh [ROOT [LIBDIR]]
#   ROOT    source tree (default .); LIBDIR its archives (default $BUILD/lib)
# The order is the Makefile's: each BELOW_layer line lists what layer may use.
# Each source file of layer L (and of tests/L/) may include only headers of
# the layers L may use (and tests/support/); each archive librs_L.a may leave
# undefined only symbols that its allowed layers (or system libraries) define.
set -u
root=${1:-.}
libdir=${2:-${BUILD:-build}/lib}
mk=$(dirname "$0")/../Makefile
below=$(sed -n 's/^BELOW_\([a-z]*\) *:= *\(.*\)$/\1:\1 \2/p' "$mk" | sed 's/ *$//; s/ /,/g')
[ -n "$below" ] || { echo "layers: no BELOW_ lines in $mk"; exit 2; }
bad=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

allowed() {   # allowed LAYER -> comma list
    for e in $below; do
        [ "${e%%:*}" = "$1" ] && { echo "${e#*:}"; return; }
    done
}
layer_of() {  # path relative to root -> its layer, or "" (not a layer folder)
    p=$1
    case $p in tests/support/*) echo support; return;; tests/*/*) p=${p#tests/};; esac
    l=${p%%/*}
    for e in $below; do [ "${e%%:*}" = "$l" ] && { echo "$l"; return; }; done
    echo ""
}

# ---- includes
for f in $(cd "$root" && ls base/*.[ch] models/*.[ch] io/*.[ch] plots/*.[ch] report/*.[ch] \
             cli/*.[ch] tests/*/*.[ch] 2>/dev/null); do
    from=$(layer_of "$f")
    [ -n "$from" ] || continue
    [ "$from" = support ] && continue
    ok=$(allowed "$from")
    dir=$(dirname "$f")
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$root/$f" | while IFS= read -r line; do
        n=${line%%:*}
        inc=$(printf '%s\n' "$line" | sed 's/^[^"]*"\([^"]*\)".*/\1/')
        target=$(cd "$root/$dir" 2>/dev/null && realpath -m --relative-to="$(cd "$root" && pwd)" "$inc")
        to=$(layer_of "$target")
        case $target in tests/support/*) continue;; esac
        [ -n "$to" ] || continue
        case ",$ok," in *",$to,"*) ;; *)
            echo "layers: $f:$n: includes $target: layer '$from' may not use '$to' (it may use $ok)"
            ;;
        esac
    done
done >"$tmp/inc" 2>/dev/null
[ -s "$tmp/inc" ] && { cat "$tmp/inc"; bad=1; }

# ---- symbols
defs() { nm -g --defined-only "$1" 2>/dev/null | awk 'NF>=3 {print $3}' | sort -u; }
undefs() { nm -u "$1" 2>/dev/null | awk '{print $NF}' | sort -u; }
for a in "$libdir"/librs_*.a; do
    [ -f "$a" ] || continue
    l=$(basename "$a" .a); l=${l#librs_}
    defs "$a" >"$tmp/def.$l"
done
for a in "$libdir"/librs_*.a; do
    [ -f "$a" ] || continue
    l=$(basename "$a" .a); l=${l#librs_}
    ok=$(allowed "$l")
    undefs "$a" >"$tmp/und.$l"
    for d in "$tmp"/def.*; do
        k=${d##*/def.}
        case ",$ok," in *",$k,"*) continue;; esac
        comm -12 "$tmp/und.$l" "$d" | while IFS= read -r sym; do
            echo "layers: librs_$l.a uses $sym, defined by layer '$k' above it (it may use $ok)"
        done
    done
done >"$tmp/sym"
[ -s "$tmp/sym" ] && { cat "$tmp/sym"; bad=1; }
exit $bad
