#!/bin/sh
# Compiles each public header of glibc-shim/include alone, as C11 and as
# C++20, then layout_check.c (the ABI's sizes and offsets), with only gcc's freestanding headers beside it:
#   glibc-shim/check-headers.sh [compiler-driver]
# Exits non-zero and names the header when one does not compile.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cc=${1:-gcc}
gcc_include=$($cc -print-file-name=include)
status=0
cd "$here/include" || exit 1
for header in $(find . -name '*.h' ! -path './bits/*' | sed 's|^\./||' | sort); do
    for language in c c++; do
        case $language in
        c) standard=-std=c11 ;;
        *) standard=-std=c++20 ;;
        esac
        if ! printf '#include <%s>\n#include <%s>\n' "$header" "$header" |
            $cc -x $language $standard -Wall -Wextra -Werror -nostdinc -isystem "$gcc_include" \
                -I"$here/include" -U__linux__ -D__portico__ -fsyntax-only - ; then
            echo "check-headers: $header does not compile as $language" >&2
            status=1
        fi
    done
done
# The structure layouts and numbers the ABI fixes.
if ! $cc -std=c11 -Wall -Wextra -Werror -nostdinc -isystem "$gcc_include" -I"$here/include" \
    -U__linux__ -D__portico__ -fsyntax-only "$here/layout_check.c"; then
    echo "check-headers: layout_check.c failed" >&2
    status=1
fi
exit $status
