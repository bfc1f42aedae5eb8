# sh -c, positional parameters, ., set -e, set -x, syntax errors.
sh -c 'echo "$0 got $# arguments: $1 and $2"' name first second
sh -c 'exit 4'; echo "sh -c status: $?"
echo 'echo "sourced sees $1"; sourced=yes' > lib.sh
set -- positional
. ./lib.sh
echo "sourced set: $sourced"
echo 'echo "script args: $# $1 $2"' > args.sh
sh args.sh a 'b c'
sh -c 'set -e; echo before; false; echo after'; echo "set -e: $?"
sh -c 'set -e; false || true; if false; then :; fi; ! true; echo survived'
sh -c 'set -x; echo traced' 2>&1
sh -c 'echo unterminated "quote'; echo "syntax: $?"
sh -c 'fi'; echo "syntax: $?"
sh -c 'no-such-command'; echo "not found: $?"
sh missing-script.sh; echo "no script: $?"
cd /nonexistent-dir; echo "cd: $?"
cd dir-that-is-missing 2>/dev/null || echo "cd failed quietly"
mkdir sub && cd sub && pwd && cd .. && pwd
