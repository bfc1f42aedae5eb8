# eval runs text; exec keeps redirections or replaces the shell.
command='echo "evaluated: $((1 + 1))"'
eval "$command"
eval 'inner=set'; echo "eval sets variables: $inner"
exec 3> three
echo "through 3" >&3
exec 3>&-
cat three
echo "to 3 again" >&3; echo "after closing: $?"
exec > captured
echo "into captured"
exec >&2
cat captured
exec sh -c 'echo "replaced, status comes from here"; exit 4'
echo "not reached"
