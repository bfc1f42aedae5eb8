#!/bin/sh
# Runs the ported programs' tests on the build host: files.lua with the
# given lua, gzip.sh with the given lua and minigzip.
#
#   test/ported/run-on-host.sh <folder with lua and minigzip> [<folder with sh, cp, mkdir, rm, rmdir>]
#
# With the second folder (Portico's own shell and utilities built for the
# host, make host-utils), gzip.sh runs under that shell with nothing else
# in PATH, as it will in Portico; without it, under the host's sh.
set -u
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
# The PATH the scripts see (this script itself keeps the host's).
if [ $# -ge 2 ]; then
    utilities=$(cd "$2" && pwd)
    shell=$utilities/sh
    script_path=$bin:$utilities
    ASAN_OPTIONS=detect_leaks=0 # the host-built utilities run under ASan
    export ASAN_OPTIONS
else
    shell=sh
    script_path=$bin:$PATH
fi
status=0
"$bin/lua" "$here/files.lua" "$scratch" >"$scratch/files.out"
cat "$scratch/files.out"
grep -qx "lua files ok" "$scratch/files.out" || status=1
PATH=$script_path "$shell" "$here/gzip.sh" "$scratch" >"$scratch/gzip.out"
cat "$scratch/gzip.out"
grep -qx "gzip round trip ok" "$scratch/gzip.out" || status=1
rm -rf "$scratch"
if [ $status -eq 0 ]; then echo "ported host tests: ok"; else echo "ported host tests: FAILED"; fi
exit $status
