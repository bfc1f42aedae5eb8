"""`make bench` keeps working: the benchmarks run, report figures, and the
figures are deterministic under instruction counting (two runs agree).
The figures the issues set bars for stay within them."""
from bench_run import run_benches


def run(qemu, results):
    first_boot, first, first_ok = run_benches(qemu, "all", timeout=120)
    results.record("bench: runs and reports figures", first_ok, "%d figures" % len(first))
    results.show_output_on_failure(first_ok, first_boot.output)
    figures = {name: value for name, value, _ in first}
    for name, bar, what in [("null_rpc", 1500, "a null RPC round trip takes at most 1,500 instructions"),
                            ("open_file_bytes", 64, "an open file costs at most 64 bytes, everything counted"),
                            ("ls_beside_stuck_translator", 2,
                             "root's ls / beside four lookups stuck in a translator: at most 2x idle")]:
        results.record("bench: " + what, figures.get(name, bar + 1) <= bar, "%s: %s" % (name, figures.get(name)))
    share = figures.get("cpu_share_beside_rpc", 0)
    results.record("bench: a CPU-bound task gets at least a third of the CPU beside an RPC ping-pong pair",
                   share >= 34, "cpu_share_beside_rpc: %s percent" % figures.get("cpu_share_beside_rpc"))
    _, second, second_ok = run_benches(qemu, "all", timeout=120)
    results.record("bench: a second run gives the same figures", first_ok and second_ok and first == second,
                   "%r vs %r" % (first, second))
    _, _, unknown_ok = run_benches(qemu, "no_such_bench", timeout=120)
    results.record("bench: an unknown bench fails the run", not unknown_ok)
