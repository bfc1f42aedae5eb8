"""The kernel's own self tests (test/kernel/), run inside the booted kernel
under BIOS and under UEFI; each reports PASS or FAIL on the console."""
import re

from qemu import EXIT_SUCCESS, EXIT_FAILURE


def run_selftests(qemu, results, firmware):
    boot = qemu.boot("test=all", firmware=firmware, timeout=180)
    out = boot.output
    prefix = "%s ktest" % firmware
    reported = re.findall(r"ktest: (PASS|FAIL) (\S+)", out)
    for verdict, test in reported:
        results.record("%s %s" % (prefix, test), verdict == "PASS")
    summary = re.search(r"ktest: done (\d+) passed, (\d+) failed", out)
    ok = bool(summary) and int(summary.group(2)) == 0 and boot.status == EXIT_SUCCESS
    detail = "timed out" if boot.timed_out else "exit status %s" % boot.status
    results.record("%s run completed (%d tests)" % (prefix, len(reported)), ok and len(reported) > 0, detail)
    results.show_output_on_failure(ok, out)


def check_unknown_test_fails(qemu, results):
    """The harness must be able to fail: an unknown test name is a failure
    and QEMU ends with the failing status."""
    boot = qemu.boot("test=no_such_test", timeout=60)
    ok = "ktest: FAIL no_such_test" in boot.output and boot.status == EXIT_FAILURE
    results.record("bios: unknown self test reports failure", ok, "exit status %s" % boot.status)
    results.show_output_on_failure(ok, boot.output)


def run(qemu, results):
    run_selftests(qemu, results, "bios")
    run_selftests(qemu, results, "uefi")
    check_unknown_test_fails(qemu, results)
