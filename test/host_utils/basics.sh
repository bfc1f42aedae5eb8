# Words, quoting, variables and exit statuses.
echo plain   words	here
echo 'single $quoted' "double $HOME-less" back\ slash
x=1 y="two words"
echo "$x" $y "${y}s"
empty=
echo [$empty] ["$empty"]
echo a""b '' c
false
echo "false gives $?"
true; echo "true gives $?"
! false; echo "negated: $?"
echo "#not a comment" # but this is
echo one; echo two
echo $# args
echo "$0" >/dev/null
unset x; echo "x=[$x]"
export EXPORTED=yes
sh -c 'echo "child sees $EXPORTED and [$y]"'
LOCAL=only sh -c 'echo "prefix assignment: $LOCAL"'
echo "after: [$LOCAL]"
echo multi\
line
echo "open
quote"
exit 7
