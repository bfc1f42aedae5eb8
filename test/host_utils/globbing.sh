# Pathname expansion: sorted matches, quoting, no match, hidden files.
mkdir dir
touch b.txt a.txt c.md .hidden dir/inner.txt
echo *.txt
echo *.t?t ?.md
echo '*.txt' "*.md" \*.txt
echo *.none
echo dir/* */*.txt
echo .h*
echo [ab].txt
pattern='*.md'
echo $pattern "$pattern"
for f in *.txt; do echo "file: $f"; done
