# Here-documents: expanded or not, tab stripping, several on a line, in loops.
name=world
cat <<EOF
hello $name, "quotes" stay, \$ is literal, $((6 * 7))
EOF
cat <<'EOF'
nothing $expanded here
EOF
	cat <<-END
		leading tabs go
	END
cat <<A; cat <<B
first
A
second
B
for i in 1 2; do
    cat <<EOF
in loop $i
EOF
done
while read line; do echo "read: $line"; done <<EOF
one
two
EOF
grep -c x <<EOF
x
y
x
EOF
