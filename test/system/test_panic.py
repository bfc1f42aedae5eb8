"""A provoked kernel fault must produce a readable panic report that names
the faulting function, and end QEMU with a failing status in test mode."""
import re

from qemu import EXIT_FAILURE


def check_page_fault_report(qemu, results):
    boot = qemu.boot("crash=page_fault", timeout=60)
    out = boot.output
    checks = [
        ("panic banner", "KERNEL PANIC" in out),
        ("exception named", re.search(r"#PF page fault: write to a non-present page in kernel mode "
                                      r"at address 0x7ffffff00000", out)),
        ("faulting function named", re.search(r"\nin provoke_page_fault\([^)]*\)\+0x[0-9a-f]+ \(rip 0x", out)),
        ("registers printed", re.search(r"rax [0-9a-f]{16} rbx [0-9a-f]{16}", out) and "cr2 00007ffffff00000" in out),
        ("backtrace reaches kernel_main", re.search(r"backtrace:\n(  #.*\n)*  #\d+ +0x[0-9a-f]+ kernel_main", out)),
        ("QEMU ends with failure status", boot.status == EXIT_FAILURE),
    ]
    all_ok = True
    for name, ok in checks:
        all_ok &= results.record("bios page fault panic: " + name, bool(ok))
    results.show_output_on_failure(all_ok, out)


def check_panic_call_report(qemu, results):
    boot = qemu.boot("crash=panic", timeout=60)
    out = boot.output
    ok = (re.search(r"panic: crash test: deliberate panic", out) is not None
          and re.search(r"  #\d+ +0x[0-9a-f]+ kern::run_crash_test", out) is not None
          and boot.status == EXIT_FAILURE)
    results.record("bios panic() report with backtrace", ok)
    results.show_output_on_failure(ok, out)


def run(qemu, results):
    check_page_fault_report(qemu, results)
    check_panic_call_report(qemu, results)
