#!/bin/sh
# A gzip round trip with the ported minigzip: compress a file, check that
# the .gz is there, is gzip data and differs from the original, decompress
# it and compare with the original (with lua: there is no cmp). One line
# per check, "gzip.sh: PASS <name>" or "gzip.sh: FAIL <name>", then
# "gzip.sh: done <n> failed", and "gzip round trip ok" only if none failed.
#
#   sh gzip.sh [folder]      (scratch folder, default /tmp)
#
# Written for Portico's shell, which has no functions and no $((...)) yet:
# each check is an if, and the failures are a list of names.

folder=${1:-/tmp}/gzip-test.$$
failures=""
mkdir -p "$folder"

# Data worth compressing: repetitive text with some variety.
lua -e "for i = 1, 3000 do io.write(string.format('%05d the quick brown fox %s\n', i, string.rep('z', i % 23))) end" \
    >"$folder/data"
if test -s "$folder/data"; then echo "gzip.sh: PASS made_test_data"
else echo "gzip.sh: FAIL made_test_data"; failures="$failures made_test_data"; fi
cp "$folder/data" "$folder/original"

minigzip "$folder/data"
status=$?
if test "$status" -eq 0; then echo "gzip.sh: PASS compress_status"
else echo "gzip.sh: FAIL compress_status ($status)"; failures="$failures compress_status"; fi
if test -f "$folder/data.gz"; then echo "gzip.sh: PASS gz_exists"
else echo "gzip.sh: FAIL gz_exists"; failures="$failures gz_exists"; fi
if test ! -f "$folder/data"; then echo "gzip.sh: PASS original_replaced"
else echo "gzip.sh: FAIL original_replaced"; failures="$failures original_replaced"; fi
# gzip's magic bytes, 1f 8b.
if lua -e "local f = io.open('$folder/data.gz', 'rb') os.exit(f ~= nil and f:read(2) == '\31\139')"
then echo "gzip.sh: PASS gz_is_gzip"
else echo "gzip.sh: FAIL gz_is_gzip"; failures="$failures gz_is_gzip"; fi
if lua -e "local a, b = io.open('$folder/data.gz', 'rb'), io.open('$folder/original', 'rb')
           os.exit(a ~= nil and b ~= nil and a:read('a') ~= b:read('a'))"
then echo "gzip.sh: PASS gz_differs"
else echo "gzip.sh: FAIL gz_differs"; failures="$failures gz_differs"; fi
original_size=$(lua -e "local f = io.open('$folder/original', 'rb') print(f and f:seek('end') or -1)")
compressed_size=$(lua -e "local f = io.open('$folder/data.gz', 'rb') print(f and f:seek('end') or -1)")
echo "gzip.sh: $original_size bytes compressed to $compressed_size"
if test "$compressed_size" -gt 0 -a "$compressed_size" -lt "$original_size"; then echo "gzip.sh: PASS gz_smaller"
else echo "gzip.sh: FAIL gz_smaller"; failures="$failures gz_smaller"; fi

minigzip -d "$folder/data.gz"
status=$?
if test "$status" -eq 0; then echo "gzip.sh: PASS decompress_status"
else echo "gzip.sh: FAIL decompress_status ($status)"; failures="$failures decompress_status"; fi
if test ! -f "$folder/data.gz"; then echo "gzip.sh: PASS gz_removed"
else echo "gzip.sh: FAIL gz_removed"; failures="$failures gz_removed"; fi
if lua -e "local a, b = io.open('$folder/data', 'rb'), io.open('$folder/original', 'rb')
           os.exit(a ~= nil and b ~= nil and a:read('a') == b:read('a'))"
then echo "gzip.sh: PASS round_trip_same"
else echo "gzip.sh: FAIL round_trip_same"; failures="$failures round_trip_same"; fi

# Through pipes: minigzip with no file name works on its standard input.
minigzip <"$folder/original" >"$folder/piped.gz"
minigzip -d <"$folder/piped.gz" >"$folder/piped"
if lua -e "local a, b = io.open('$folder/piped', 'rb'), io.open('$folder/original', 'rb')
           os.exit(a ~= nil and b ~= nil and a:read('a') == b:read('a'))"
then echo "gzip.sh: PASS pipe_round_trip_same"
else echo "gzip.sh: FAIL pipe_round_trip_same"; failures="$failures pipe_round_trip_same"; fi

# A damaged archive (cut in half) is refused: minigzip reports and exits 1.
# (Data without gzip's header is no error: zlib passes it through as is.)
lua -e "local data = io.open('$folder/piped.gz', 'rb'):read('a')
        io.open('$folder/bad.gz', 'wb'):write(data:sub(1, #data // 2)):close()"
minigzip -d "$folder/bad.gz" 2>/dev/null
status=$?
if test "$status" -eq 1; then echo "gzip.sh: PASS corrupt_refused"
else echo "gzip.sh: FAIL corrupt_refused ($status)"; failures="$failures corrupt_refused"; fi

rm -f "$folder/data" "$folder/original" "$folder/piped" "$folder/piped.gz" "$folder/bad.gz" "$folder/bad"
rmdir "$folder"
set -- $failures
echo "gzip.sh: done $# failed"
if test -z "$failures"; then
    echo "gzip round trip ok"
    exit 0
fi
exit 1
