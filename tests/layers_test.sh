#!/bin/sh
# layers_test.sh: tests/layers.sh catches what it is for: an include that
# runs upward and a symbol that runs upward, each planted in a copy.
# usage: tests/layers_test.sh REVSIM   (the archives beside it, in ../lib)
set -u
. "$(dirname "$0")/lib.sh"
lib=$(dirname "$bin")/lib
check "the tree passes" 'sh tests/layers.sh . "$lib" >"$tmp/out" 2>&1'
mkdir -p "$tmp/src"
cp -r base models io plots report cli "$tmp/src/"
mkdir -p "$tmp/src/tests"; cp -r tests/support tests/models "$tmp/src/tests/"
echo '#include "../io/scenario.h"' >>"$tmp/src/models/ramp.c"
check "a planted upward include fails" '! sh tests/layers.sh "$tmp/src" "$lib" >"$tmp/out" 2>&1 &&
    grep -q "models/ramp.c:.*includes io/scenario.h: layer .models. may not use .io." "$tmp/out"'
cp "$tmp/src/tests/models/test_ramp.c" "$tmp/t.c"
echo '#include "../../plots/plots.h"' >>"$tmp/src/tests/models/test_ramp.c"
check "a test including a higher layer fails" '! sh tests/layers.sh "$tmp/src" "$lib" >"$tmp/out" 2>&1 &&
    grep -q "tests/models/test_ramp.c:.*includes plots/plots.h" "$tmp/out"'
mkdir -p "$tmp/lib"; cp "$lib"/*.a "$tmp/lib/"
printf 'int rs_scenario_load(void *, void *, const char *, void *);\nint plant(void) { return rs_scenario_load(0, 0, 0, 0); }\n' >"$tmp/p.c"
cc -c "$tmp/p.c" -o "$tmp/plant.o" && ar rs "$tmp/lib/librs_models.a" "$tmp/plant.o" 2>/dev/null
check "a planted upward symbol fails" '! sh tests/layers.sh . "$tmp/lib" >"$tmp/out" 2>&1 &&
    grep -q "librs_models.a uses rs_scenario_load, defined by layer .io." "$tmp/out"'
done_testing
