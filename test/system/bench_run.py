"""Running the in-kernel benchmarks: a boot with `bench=<selector>` under
qemu -icount shift=0,sleep=off, where the guest TSC counts guest
instructions. Used by `make bench` and by the system test that keeps it
working."""
import re

from qemu import EXIT_SUCCESS

FIGURE = re.compile(r"\b(?:bench|fsbench): (\S+) (\d+) (\S+)$")
ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2024-01-01T00:00:00,clock=vm"]


def run_benches(qemu, selector="all", timeout=300):
    """Returns (boot, figures, ok): figures is a list of (name, value, unit)."""
    boot = qemu.boot("bench=" + selector, timeout=timeout, extra=ICOUNT)
    figures = []
    for line in boot.lines():
        match = FIGURE.search(line)
        if match:
            figures.append((match.group(1), int(match.group(2)), match.group(3)))
    return boot, figures, boot.status == EXIT_SUCCESS and bool(figures)
