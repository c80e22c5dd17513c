#!/bin/sh
# readme.sh: the sample outputs in README.md and docs/*.md match what revsim
# prints (tests/readme.py; `make readme` rewrites them).
# usage: tests/readme.sh REVSIM
if ! command -v python3 >/dev/null 2>&1; then
    echo "# skip: readme samples (python3 not found)"; exit 0
fi
exec python3 "$(dirname "$0")/readme.py" "$1"
