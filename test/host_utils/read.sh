# The read builtin, and NAME=value before a regular builtin lasting only for it.
echo 'alpha beta gamma delta' > words
read first second rest < words
echo "[$first] [$second] [$rest]"
echo 'one
two
three' > lines
while read line; do echo "line: $line"; done < lines
echo 'a:b::c' > fields
IFS=: read p q r s < fields
echo "[$p] [$q] [$r] [$s]"
set -- $(echo x y)
echo "IFS is back: $# fields"
echo 'back\slash and\
continued' > escaped
read plain < escaped; echo "[$plain]"
read -r raw < escaped; echo "[$raw]"
read missing < /dev/null; echo "at the end: $? [$missing]"
read 1bad < words; echo "bad name: $?"
v=before; v=during true; echo "after a builtin: $v"
cat lines | while read l; do echo "piped $l"; done
