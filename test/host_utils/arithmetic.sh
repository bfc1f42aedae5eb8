# $((...)), eval and exec.
i=0; total=0
while [ $i -lt 10 ]; do i=$((i + 1)); total=$((total + i)); done
echo "sum of 1..10: $total"
echo $((2 + 3 * 4)) $(( (2 + 3) * 4 )) $((7 / 2)) $((7 % 3)) $((-3 + 1)) $((1 << 4)) $((0x10)) $((2 > 1 && 1 > 2))
n=6; echo "nested: $(( $(echo 2) * n ))"
echo "$(( (echo not) ))" 2>/dev/null || echo unreached
