#!/bin/sh
# A gzip round trip with the ported minigzip: compress a file, check that
# the .gz is there, is gzip data and differs from the original, decompress
# it and compare with the original (with lua: there is no cmp). One line
# per check, "gzip.sh: PASS <name>" or "gzip.sh: FAIL <name>", then
# "gzip.sh: done <n> failed", and "gzip round trip ok" only if none failed.
#
#   sh gzip.sh [folder]      (scratch folder, default /tmp)

folder=${1:-/tmp}/gzip-test.$$
failed=0

pass() { echo "gzip.sh: PASS $1"; }
fail() { echo "gzip.sh: FAIL $1"; failed=$((failed + 1)); }
check() {
    name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

# same_contents A B: the two files hold the same bytes.
same_contents() {
    lua -e "local a, b = io.open('$1', 'rb'), io.open('$2', 'rb')
            os.exit(a ~= nil and b ~= nil and a:read('a') == b:read('a'))"
}
different_contents() {
    ! same_contents "$1" "$2"
}
# is_gzip FILE: FILE starts with gzip's magic bytes 1f 8b.
is_gzip() {
    lua -e "local f = io.open('$1', 'rb')
            os.exit(f ~= nil and f:read(2) == '\31\139')"
}
# size FILE: its size in bytes.
size() {
    lua -e "local f = io.open('$1', 'rb') print(f and f:seek('end') or -1)"
}

mkdir -p "$folder"
# Data worth compressing: repetitive text with some variety.
lua -e "for i = 1, 3000 do io.write(string.format('%05d the quick brown fox %s\n', i, string.rep('z', i % 23))) end" \
    >"$folder/data"
check "made_test_data" test -s "$folder/data"
cp "$folder/data" "$folder/original"

minigzip "$folder/data"
check "compress_status" test $? -eq 0
check "gz_exists" test -f "$folder/data.gz"
check "original_replaced" test ! -f "$folder/data"
check "gz_is_gzip" is_gzip "$folder/data.gz"
check "gz_differs" different_contents "$folder/data.gz" "$folder/original"
original_size=$(size "$folder/original")
compressed_size=$(size "$folder/data.gz")
echo "gzip.sh: $original_size bytes compressed to $compressed_size"
check "gz_smaller" test "$compressed_size" -gt 0 -a "$compressed_size" -lt "$original_size"

minigzip -d "$folder/data.gz"
check "decompress_status" test $? -eq 0
check "gz_removed" test ! -f "$folder/data.gz"
check "round_trip_same" same_contents "$folder/data" "$folder/original"

# Through a pipe: minigzip with no file compresses standard input.
minigzip <"$folder/original" >"$folder/piped.gz"
minigzip -d <"$folder/piped.gz" >"$folder/piped"
check "pipe_round_trip_same" same_contents "$folder/piped" "$folder/original"

# A damaged archive (cut in half) is refused. (Data without gzip's header
# is not an error: zlib passes it through unchanged, as gzip -dc -f does.)
lua -e "local data = io.open('$folder/piped.gz', 'rb'):read('a')
        io.open('$folder/bad.gz', 'wb'):write(data:sub(1, #data // 2)):close()"
minigzip -d "$folder/bad.gz" 2>/dev/null
status=$?
check "corrupt_refused" test "$status" -eq 1  # minigzip reports and exits 1

rm -f "$folder"/data "$folder"/original "$folder"/piped "$folder"/piped.gz "$folder"/bad.gz "$folder"/bad
rmdir "$folder"
echo "gzip.sh: done $failed failed"
if [ "$failed" -eq 0 ]; then
    echo "gzip round trip ok"
fi
[ "$failed" -eq 0 ]
