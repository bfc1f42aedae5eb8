# The utilities themselves: files, text and processes.
mkdir -p a/b/c && ls a a/b
mkdir a; echo "mkdir existing: $?"
touch a/file && echo hello > a/file && cat a/file
cp a/file copy && cat copy
cp -r a tree && ls tree tree/b
mv copy moved && ls moved && ls copy
ln -s moved link && cat link
ls -l link | grep -c -- '-> moved'
ls -l moved | grep -c -- '-rw-r--r--   1 '
ln moved hard && ls -l hard | grep -c -- '-rw-r--r--   2 '
rm -r tree && ls tree
rmdir a/b/c && ls a/b
rmdir a; echo "rmdir non-empty: $?"
rm -f nothing-here; echo "rm -f: $?"
echo one > lines; echo two >> lines; echo Three >> lines; echo four >> lines
wc -l lines; wc lines lines
head -n 2 lines; head -1 lines
grep -n o lines; grep -i -c THREE lines; grep -v o lines
grep -q nothing lines; echo "grep no match: $?"
grep x no-file; echo "grep missing file: $?"
cat lines | grep -c e
echo -n no-newline; echo " <- here"
env -i A=1 B=2
env X=from-env sh -c 'echo $X'
kill -l 137
kill -9 99999999; echo "kill: $?"
sleep 0.05 && echo slept
uname -s | wc -l
stat moved | grep -c 'Size: 6'
