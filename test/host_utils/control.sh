# if, while, until, for, break, continue, test.
if true; then echo then-branch; else echo else-branch; fi
if false; then echo no; elif [ a = a ]; then echo elif-branch; else echo no; fi
if false; then echo no; fi; echo "if without a branch: $?"
set -- one two three
for word; do echo "arg $word"; done
while [ $# -gt 0 ]; do echo "shift $1"; shift; done
n=
until [ "$n" = xxx ]; do n=x$n; done; echo "$n"
for i in 1 2 3 4 5; do
    if [ $i = 2 ]; then continue; fi
    if [ $i = 4 ]; then break; fi
    echo "loop $i"
done
for a in 1 2; do for b in x y; do
    if [ $b = y ]; then continue 2; fi
    echo "$a$b"
done; done
for a in 1 2; do for b in x y; do echo "$a$b"; break 2; done; done
if [ -d . ] && [ ! -f . ] && test -z "" -a -n x; then echo tests; fi
[ 3 -gt 2 -o 1 -eq 2 ] && echo numbers
[ 1 -eq x ]; echo "bad number: $?"
