#!/usr/bin/env python3
"""`make bench`: boots the test image (build/portico-test.iso) with
`bench=all` under deterministic instruction counting and prints the
figures as `bench <name> <value> <unit>`. Exits non-zero if the run fails."""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "system"))

from bench_run import run_benches  # noqa: E402
from qemu import test_image  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--qemu", default="qemu-system-x86_64")
    parser.add_argument("--only", default="all", help="one bench's name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portico-bench-") as workdir:
        qemu = test_image(args.build, args.qemu, None, None, workdir)
        boot, figures, ok = run_benches(qemu, args.only)
    for name, value, unit in figures:
        print("bench %s %d %s" % (name, value, unit))
    if not ok:
        print(boot.output[-4000:])
        print("bench run failed (exit status %s%s)" % (boot.status, ", timed out" if boot.timed_out else ""))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
