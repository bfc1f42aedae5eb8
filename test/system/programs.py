"""Running test programs (test/programs/) in a QEMU boot and turning what
they print into checks: each `PASS name` / `FAIL name` line, their final
`done N failed`, and checks of the caller's own on the console."""
import re

from test_user import record_all


def ended(*names):
    """A stop_when pattern: every one of these tasks has ended."""
    return "(?s)" + "".join(r"(?=.*task: %s ended with status -?\d+\r?\n)" % name for name in names)


def startup_ended(program):
    """A stop_when pattern: startup's program `program` ended (or could not run)."""
    return r"startup: %s (ended: wait status -?\d+|could not run.*)\n" % re.escape(program)


def program_checks(out, name, minimum):
    """Every PASS/FAIL line a test program printed, as checks."""
    passes = re.findall(r"%s: PASS (\S+)" % name, out)
    fails = re.findall(r"%s: FAIL (\S+)" % name, out)
    checks = [("%s ran its checks" % name, len(passes) + len(fails) >= minimum),
              ("%s: no check failed" % name, not fails and re.search(r"%s: done 0 failed" % name, out))]
    checks += [(check, True) for check in passes] + [(check, False) for check in fails]
    return checks


def run_programs(qemu, results, title, tasks, checked, minimum, patterns=(), timeout=60, firmware="bios"):
    """Boots with start=<tasks>, waits for all of them to end, and records
    the checks of program `checked` (at least `minimum`), each (what,
    regex) of `patterns` found on the console, and that nothing panicked."""
    boot = qemu.boot("start=" + ",".join(tasks), firmware=firmware, timeout=timeout, stop_when=ended(*tasks))
    out = boot.output
    checks = program_checks(out, checked, minimum)
    checks += [(what, re.search(pattern, out)) for what, pattern in patterns]
    checks.append(("no panic", "KERNEL PANIC" not in out))
    record_all(results, title, checks, out)
