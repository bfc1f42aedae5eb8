"""A user of the file systems kept in her place (issue 13, holes 2, 7 and 8):
startup runs /test/isolationtest as root, which acts as Alice (uid 1000)
through a handle and a root directory reauthenticated for her. Her passive
translator runs as her with her init ports (its ids in her log file), a
program she may not execute or reach is refused, a translator that ends at
once fails the lookup at once, the sticky /tmp keeps root's file from her,
and /tmp, a tmpfs of its own with a size, gives her no_space when full
while root's work goes on."""
import re

from programs import program_checks, startup_ended
from shell_session import typed_at_prompts
from test_user import record_all


def run(qemu, results):
    boot = qemu.boot("start=startup", startup="/test/isolationtest", timeout=120,
                     stop_when=startup_ended("/test/isolationtest"))
    out = boot.output
    checks = program_checks(out, "isolationtest", 31)
    checks += [
        ("isolationtest ended cleanly", re.search(r"startup: /test/isolationtest ended: wait status 0", out)),
        ("the probe wrote to its owner's log, not the kernel log", "no standard error" not in out),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "fs isolation: translators as their owner, sticky /tmp, a full /tmp", checks, out)
    check_filling_tmp_from_the_shell(qemu, results)


def check_filling_tmp_from_the_shell(qemu, results):
    """cat /dev/zero > /tmp/z (with /tmp made small first, for speed under
    emulation) ends in ENOSPC, and afterwards rm, other commands and
    poweroff still work."""
    commands = [
        "fsysopts /tmp --size=1M",
        "cat /dev/zero > /tmp/z; echo status $?",
        "rm /tmp/z && echo removed",
        "echo fits > /tmp/again && cat /tmp/again",
        "fsysopts /tmp --size=25%",
        "ls /bin | grep -c sh",
        "poweroff",
    ]
    boot = qemu.boot("", timeout=240, dialogue=typed_at_prompts(commands))
    out = boot.output.replace("\r", "")
    checks = [
        ("fsysopts /tmp reports the size it set", re.search(r"^/tmp: --size=1048576$", out, re.M)),
        ("cat /dev/zero > /tmp/z fails with ENOSPC", re.search(r"No space left on device", out)
         and re.search(r"^status [1-9]", out, re.M)),
        ("rm of the full file works", re.search(r"^removed$", out, re.M)),
        ("a new file fits again", re.search(r"^fits$", out, re.M)),
        ("fsysopts takes a percentage of RAM", re.search(r"^/tmp: --size=[1-9]\d{6,}$", out, re.M)),
        ("commands still run", re.search(r"^[1-9]\d*$", out, re.M)),
        ("poweroff ends QEMU with status 0", boot.status == 0),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "fs isolation: filling /tmp from the shell", checks, out)
