# Pipelines of several commands, their status, && and ||.
echo hello | cat
echo one two three | cat | cat | cat | wc -w
echo abc | grep -c b | cat
echo x | false | true; echo "status of the last: $?"
echo x | true | false; echo "status of the last: $?"
true && echo and-ran
false && echo not-shown
false || echo or-ran
true || echo not-shown
false && echo no || echo fallback
echo a | grep -q a && echo found
echo a | grep -q b || echo "not found: $?"
echo first |
cat
