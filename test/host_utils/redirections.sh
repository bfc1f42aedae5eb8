# Output, append, input, descriptors, and undoing a builtin's redirection.
echo first > out
echo second >> out
cat < out
echo to-stderr >&2
echo error-only 2> err 1>&2
cat err
ls missing-file 2> err
echo "ls said: $?"
cat err
ls missing-file > both 2>&1
cat both
> created
ls created
echo visible-again
cat <> out
cat < missing-input
echo "status: $?"
echo three 1> out; wc -l < out
for i in 1 2; do echo "line $i"; done > loop
cat loop
