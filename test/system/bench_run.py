"""Running the benchmarks under qemu -icount shift=0,sleep=off, where the
guest TSC counts guest instructions: a boot with `bench=<selector>` (the
kernel's benchmarks and the bench/fsbench boot modules), and for "all" or
"posix" a boot of the whole system in which startup runs
test/posix/posixbench.c (getpid, pipes, fork, exec through the C library).
Used by `make bench` and by the system test that keeps it working."""
import re

from programs import startup_ended
from qemu import EXIT_SUCCESS

FIGURE = re.compile(r"\b(?:bench|fsbench|posixbench): (\S+) (\d+) (\S+)$")
POSIX_BENCH = "/test/posixbench"
ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2024-01-01T00:00:00,clock=vm"]


def figures_in(boot):
    """The (name, value, unit) figures a boot printed."""
    figures = []
    for line in boot.lines():
        match = FIGURE.search(line)
        if match:
            figures.append((match.group(1), int(match.group(2)), match.group(3)))
    return figures


def run_kernel_benches(qemu, selector, timeout):
    boot = qemu.boot("bench=" + selector, timeout=timeout, extra=ICOUNT)
    figures = figures_in(boot)
    return boot, figures, boot.status == EXIT_SUCCESS and bool(figures)


def run_posix_benches(qemu, timeout):
    boot = qemu.boot("start=startup", startup=POSIX_BENCH, timeout=timeout, stop_when=startup_ended(POSIX_BENCH),
                     extra=ICOUNT)
    figures = figures_in(boot)
    ok = "startup: %s ended: wait status 0\n" % POSIX_BENCH in boot.output and len(figures) == 4
    return boot, figures, ok


def run_benches(qemu, selector="all", timeout=300):
    """Returns (boot, figures, ok): figures is a list of (name, value, unit);
    boot is the boot that failed, or the last one."""
    runs = []
    if selector != "posix":
        runs.append(run_kernel_benches(qemu, selector, timeout))
    if selector in ("all", "posix"):
        runs.append(run_posix_benches(qemu, timeout))
    figures = [figure for _, found, _ in runs for figure in found]
    failed = [boot for boot, _, ok in runs if not ok]
    return (failed or [runs[-1][0]])[0], figures, not failed
