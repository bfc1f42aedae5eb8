# Command substitution: $(...) and backquotes, splitting, status, nesting.
echo "[$(echo a; echo b)]"
echo x$(echo 1   2)y
echo "x$(echo 1   2)y"
echo `echo back quotes`
count=$(echo one two three | wc -w)
echo "count=$count"
echo "$(echo "nested $(echo deeper)")"
x=$(false); echo "status of x=\$(false): $?"
for f in $(echo p q); do echo "item $f"; done
mkdir d && touch d/f1 d/f2
echo "files: $(ls d)"
here=$(cd d; pwd); echo "${here##*/}"
echo "still in: $(pwd | wc -l)"
echo $(echo unterminated
