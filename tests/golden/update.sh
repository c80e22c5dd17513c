#!/bin/sh
# update.sh: rewrite the golden outputs of every example scenario. Run through
# `make golden` only, and review the diff before committing it.
set -eu
bin=$1
for f in scenarios/*.csv; do
    stem=$(basename "$f" .csv)
    rm -rf "tests/golden/$stem"
    "$bin" run -q --no-plots --no-xlsx "$f" -o "tests/golden/$stem"
    rm -f "tests/golden/$stem/.revsim-run"
done
echo "golden outputs rewritten; review with: git diff --stat tests/golden"
