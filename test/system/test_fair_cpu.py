"""Fair CPU (issue 13, hole 9): three tasks handing the CPU around through
RPC (`cat /dev/zero > /dev/null`: cat, the zero and the null translators)
once starved everyone, because each hand-off gave the next thread a fresh
time slice. Now a hand-off passes on what is left of the caller's slice:
with such a chain running as `user` in the background, root's shell still
answers, a second chain in the foreground stops at ^C, and poweroff works."""
import re

from shell_session import typed_at_prompts


def run(qemu, results):
    keys = typed_at_prompts([
        "su user -c 'cat /dev/zero > /dev/null' &",
        "sleep 2; echo still answering",
        "cat /dev/zero > /dev/null",
    ])
    # ^C while the foreground chain runs beside the background one.
    keys.append((3.0, "\x03"))
    keys += typed_at_prompts(["echo interrupted $?", "ls / | wc -l", "poweroff"])
    boot = qemu.boot("", timeout=240, dialogue=keys)
    out = boot.output
    checks = [
        ("the shell answers beside a user's RPC chain", re.search(r"^still answering$", out, re.M)),
        ("^C stops a foreground RPC chain (status 130)", re.search(r"interrupted 130", out)),
        ("root's commands run afterwards", re.search(r"ls / \| wc -l\n\s*\d+\n", out)),
        ("poweroff ends QEMU with status 0", boot.status == 0),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    for name, ok in checks:
        results.record("fair cpu: " + name, bool(ok))
    results.show_output_on_failure(all(ok for _, ok in checks), out, 80)
