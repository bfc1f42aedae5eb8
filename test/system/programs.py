"""Running test programs (test/programs/) in a QEMU boot and turning what
they print into checks: each check a program makes once (the rule is written
over program_checks), whether it ran to its end, and checks of the caller's
own on the console."""
import re

from test_user import record_all


def ended(*names):
    """A stop_when pattern: every one of these tasks has ended."""
    return "(?s)" + "".join(r"(?=.*task: %s ended with status -?\d+\r?\n)" % name for name in names)


def startup_ended(program):
    """A stop_when pattern: startup's program `program` ended (or could not run)."""
    return r"startup: %s (ended: wait status -?\d+|could not run.*)\n" % re.escape(program)


# How a test program's lines become checks. A program prints
# "<name>: PASS <check>" or "<name>: FAIL <check>" for each check it makes,
# then "<name>: done N failed" when it reaches its end; the test says how
# many checks the program makes (`expected`). Then
# - each check named on the console counts once, however often it is
#   printed: passed when every line naming it says PASS; one FAIL line for
#   it makes it a failure;
# - each expected check that was never printed (the program died or hung
#   first) is a failure of its own, so a run that stops early cannot pass
#   fewer checks and fail none;
# - more distinct checks than expected is one failure: the test's count is
#   stale, and a stale count would hide checks that go missing;
# - reaching the end (the done line) is one check of its own.
# So "N passed" counts the checks the programs make, each once.


def program_checks(out, name, expected):
    """The checks program `name` printed, each once, plus one failure for
    each of the `expected` checks it never printed (the rule above)."""
    verdicts = {}  # check -> whether every line naming it said PASS, in the order first printed
    for verdict, check in re.findall(r"%s: (PASS|FAIL) (\S+)" % re.escape(name), out):
        verdicts[check] = verdicts.get(check, True) and verdict == "PASS"
    checks = list(verdicts.items())
    seen = len(verdicts)
    checks += [("check %d of %d that %s makes was never printed" % (number, expected, name), False)
               for number in range(seen + 1, expected + 1)]
    if seen > expected:
        checks.append(("%s printed %d checks, the test expects %d" % (name, seen, expected), False))
    checks.append(("%s ran to its end" % name, re.search(r"%s: done \d+ failed" % re.escape(name), out)))
    return checks


def run_programs(qemu, results, title, tasks, checked, expected, patterns=(), timeout=60, firmware="bios"):
    """Boots with start=<tasks>, waits for all of them to end, and records
    the `expected` checks of program `checked` (program_checks), each
    (what, regex) of `patterns` found on the console, and that nothing
    panicked."""
    boot = qemu.boot("start=" + ",".join(tasks), firmware=firmware, timeout=timeout, stop_when=ended(*tasks))
    out = boot.output
    checks = program_checks(out, checked, expected)
    checks += [(what, re.search(pattern, out)) for what, pattern in patterns]
    checks.append(("no panic", "KERNEL PANIC" not in out))
    record_all(results, title, checks, out)
