#!/usr/bin/env python3
"""`make bench`: boots the ISO under deterministic instruction counting
(qemu -icount shift=0,sleep=off: the guest TSC then counts guest
instructions) with `bench=all`, and prints the figures the kernel reports as
`bench <name> <value> <unit>`. Exits non-zero if the run fails."""
import argparse
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "system"))

from qemu import EXIT_SUCCESS, Qemu  # noqa: E402

FIGURE = re.compile(r"bench: (\S+) (\d+) (\S+)$")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--qemu", default="qemu-system-x86_64")
    parser.add_argument("--only", default="all", help="one bench's name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portico-bench-") as workdir:
        qemu = Qemu(args.qemu, os.path.join(args.build, "portico.iso"), None, None, workdir)
        boot = qemu.boot("bench=" + args.only, timeout=300,
                         extra=["-icount", "shift=0,sleep=off"])
    figures = [FIGURE.search(line) for line in boot.lines()]
    figures = [match.groups() for match in figures if match]
    for name, value, unit in figures:
        print("bench %s %s %s" % (name, value, unit))
    if boot.status != EXIT_SUCCESS or not figures:
        print(boot.output[-4000:])
        print("bench run failed (exit status %s%s)" % (boot.status, ", timed out" if boot.timed_out else ""))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
