# Functions, return, subshells, groups and case.
greet() {
    echo "hello $1, $# arguments"
}
greet world extra
echo "positional parameters are back: $#"
first_even() {
    for n in "$@"; do
        case $n in
            *[02468]) echo "first even: $n"; return 0;;
        esac
    done
    return 1
}
first_even 1 3 4 6; echo "status $?"
first_even 1 3; echo "status $?"
(cd /; echo "subshell in $(pwd)"; exit 5); echo "subshell status $?"
x=outside; (x=inside); echo "x is still $x"
{ echo one; echo two; } > grouped; wc -l < grouped
{ false; }; echo "group status $?"
for word in apple banana Cherry '*' ''; do
    case $word in
        a*) echo "$word: a";;
        b*|[Cc]*) echo "$word: b or c" ;;
        '*') echo "a literal star" ;;
        "") echo "empty";;
    esac
done
case nothing in something) echo no;; esac; echo "no match status $?"
recurse() { if [ "$1" = xxx ]; then echo "deep: $1"; else recurse "x$1"; fi; }
recurse ""
redirected() { echo "into a file"; }
redirected > file; cat file
counter=0
bump() { counter=x$counter; }
bump; bump; echo "functions share variables: $counter"
echo done | { read word; echo "read in a group: $word"; }
return 3
echo "return outside a function: $?"
