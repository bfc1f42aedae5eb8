#!/bin/sh
# Runs the ported programs' tests on the build host, with lua and minigzip
# built by the host's gcc (make ported-host): a check of the scripts and of
# the build rules, before Portico runs the same scripts (test_ported.py).
#
#   test/ported/run-on-host.sh <folder holding lua and minigzip>
set -u
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
PATH=$bin:$PATH
export PATH
status=0
"$bin/lua" "$here/files.lua" "$scratch" | tee "$scratch/files.out"
grep -qx "lua files ok" "$scratch/files.out" || status=1
sh "$here/gzip.sh" "$scratch" | tee "$scratch/gzip.out"
grep -qx "gzip round trip ok" "$scratch/gzip.out" || status=1
rm -rf "$scratch"
[ $status -eq 0 ] && echo "ported host tests: ok" || echo "ported host tests: FAILED"
exit $status
