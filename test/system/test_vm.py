"""Virtual memory under patterns that used to crash (issue 13, holes 1 and
6): test/programs/vmstress.cpp as a task (hundreds of regions and cuts, a
cut past the old 64-region table, 7 MiB of stack, a flood of 256 MiB memory
objects refused with no_space, free frames back at their baseline), and from
the shell test/posix/vmposix.c (malloc, setenv, deep recursion
through the C library) and a shell function recursing 500 levels deep."""
from programs import program_checks, run_programs
from test_user import record_all
from shell_session import typed_at_prompts


def run(qemu, results):
    run_programs(qemu, results, "vm: regions, stack and objects", ["vmstress"], "vmstress", 8, timeout=240)
    keys = typed_at_prompts([
        "/test/vmposix",
        "f() { if [ $1 -gt 0 ]; then f $(($1 - 1)); else echo reached the bottom; fi; }; f 500",
        "echo still here",
        "poweroff",
    ])
    boot = qemu.boot("", timeout=300, dialogue=keys)
    out = boot.output
    checks = program_checks(out, "vmposix", 3)
    checks += [
        ("a shell function 500 levels deep", "reached the bottom" in out),
        ("the shell goes on", "still here" in out),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "vm: from the shell", checks, out)
