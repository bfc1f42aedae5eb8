# Background jobs, $!, wait and the status it gives.
sleep 0.3 &
pid=$!
[ -n "$pid" ] && echo "have a pid"
wait $pid
echo "waited: $?"
sh -c 'exit 3' &
wait $!
echo "status of the job: $?"
sh -c 'sleep 0.2; echo late' > late &
sh -c 'echo early' > early &
wait
cat early late
wait 99999999
echo "not a job: $?"
sleep 0.1 & sleep 0.1 & wait
echo "all done"
