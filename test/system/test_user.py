"""User mode: programs started from boot modules (start=...), their
arguments, system calls checked from user mode, faults that kill only the
faulting task, preemption and per-thread FPU state, refused corrupt ELF
files, and the normal boot's hello program."""
import re

FAULTS = [("fault-null", r"#PF page fault at rip 0x[0-9a-f]+, address 0x0 "),
          ("fault-ud", r"#UD invalid opcode at rip 0x[0-9a-f]+"),
          ("fault-gp", r"#GP general protection fault at rip 0x[0-9a-f]+"),
          ("fault-de", r"#DE divide error at rip 0x[0-9a-f]+"),
          ("fault-kernel", r"#PF page fault at rip 0x[0-9a-f]+, address 0xffffffff80200000 ")]


def record_all(results, name, checks, output):
    all_ok = True
    for check, ok in checks:
        all_ok &= results.record("%s: %s" % (name, check), bool(ok))
    results.show_output_on_failure(all_ok, output)


def check_hello_boot_module(qemu, results):
    boot = qemu.boot("start=hello", timeout=60, stop_when=r"task: hello ended with status -?\d+\r?\n")
    out = boot.output
    record_all(results, "user: a boot module as a task", [
        ("hello started", re.search(r"exec: started hello \(entry 0x[0-9a-f]+\)", out)),
        ("hello in user mode", re.search(r"hello: hello from user mode", out)),
        ("argv from the module line", re.search(r"hello: argv\[0\] = hello\s*\n.*hello: argv\[1\] = world", out)),
        ("exit status", re.search(r"task: hello ended with status 0", out)),
    ], out)


def check_syscalls(qemu, results):
    boot = qemu.boot("start=usertest", timeout=60, stop_when=r"task: usertest ended with status -?\d+\r?\n")
    out = boot.output
    passes = re.findall(r"usertest: PASS (\S+)", out)
    fails = re.findall(r"usertest: FAIL (\S+)", out)
    checks = [("all checks ran", len(passes) + len(fails) >= 29),
              ("no check failed", not fails and re.search(r"usertest: done 0 failed", out)),
              ("task ended cleanly", re.search(r"task: usertest ended with status 0", out)),
              ("no panic", "KERNEL PANIC" not in out)]
    for name in ["debug_write_null", "clock_noncanonical", "unknown_63", "fs_base_kept_across_yield",
                 "sleep_long_enough", "sleep_not_too_long", "vm_allocate_zeroed", "vm_allocate_bad_task"]:
        checks.append((name, name in passes))
    record_all(results, "user: system calls", checks, out)


def check_faults(qemu, results):
    names = ",".join(name for name, _ in FAULTS)
    # The tasks run side by side: wait until every one of them has ended,
    # whatever order the scheduler finishes them in.
    everyone_ended = "(?s)" + "".join(r"(?=.*task: %s ended with status -?\d+\r?\n)" % name
                                      for name in [name for name, _ in FAULTS] + ["hello"])
    boot = qemu.boot("start=%s,hello" % names, timeout=60, stop_when=everyone_ended)
    out = boot.output
    checks = []
    for name, pattern in FAULTS:
        checks.append(("%s killed with a report" % name, re.search(r"fault: task %s killed: %s" % (name, pattern), out)))
        checks.append(("%s ended" % name, re.search(r"task: %s ended with status 139" % name, out)))
    checks += [("no fault was missed", "the fault was missed" not in out),
               ("another task runs afterwards", re.search(r"hello: hello from user mode", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "user: faults", checks, out)


def check_preemption_and_fpu(qemu, results):
    boot = qemu.boot("start=spin-a,spin-b", timeout=120, stop_when=r"task: spin-\w ended(.|\n)*task: spin-\w ended with status -?\d+\r?\n")
    out = boot.output
    rounds = re.findall(r"spin-(a|b): spin \d+ round (\d+)", out)
    # Interleaving: the output switches between the two tasks before either is done.
    switches = sum(1 for first, second in zip(rounds, rounds[1:]) if first[0] != second[0])
    record_all(results, "user: two busy tasks", [
        ("both finish", re.search(r"spin-a: spin 3 done", out) and re.search(r"spin-b: spin 7 done", out)),
        ("preempted back and forth", switches >= 4),
        ("FPU results stay right", "FAILED" not in out and not re.search(r"mismatches [1-9]", out)),
    ], out)


def check_corrupt_elf(qemu, results):
    boot = qemu.boot("start=corrupt,garbled,nosuch,hello", timeout=60, stop_when=r"task: hello ended with status -?\d+\r?\n")
    out = boot.output
    record_all(results, "user: bad modules", [
        ("truncated ELF refused", re.search(r"exec: refused corrupt: not a usable", out)),
        ("garbled ELF refused", re.search(r"exec: refused garbled: not a usable", out)),
        ("unknown module named", re.search(r"exec: start=: no boot module named nosuch", out)),
        ("the next program still starts", re.search(r"hello: hello from user mode", out)),
        ("no panic", "KERNEL PANIC" not in out),
    ], out)


def run(qemu, results):
    check_hello_boot_module(qemu, results)
    check_syscalls(qemu, results)
    check_faults(qemu, results)
    check_preemption_and_fpu(qemu, results)
    check_corrupt_elf(qemu, results)
