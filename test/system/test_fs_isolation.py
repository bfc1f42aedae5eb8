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
    check_as_user_through_su(qemu, results)


def check_as_user_through_su(qemu, results):
    """The attacks of holes 2, 7 and 8 typed as `user` (uid 1000) through
    su -c, each refused, and root's commands working afterwards."""
    commands = [
        "echo root only > /tmp/rootfile",
        # Hole 2: her passive translator runs as her, not as the root file system.
        "su user -c 'touch /home/user/.probe.log; settrans -c /home/user/probe /test/idprobe /etc/shadow;"
        " cat /home/user/probe; sleep 1; cat /home/user/.probe.log'",
        "su user -c 'cat /test/idprobe > /home/user/noexec; settrans -c /home/user/p2 /home/user/noexec;"
        " cat /home/user/p2; echo p2 status $?'",
        # Hole 7: the sticky /tmp keeps root's file from her.
        "su user -c 'rm /tmp/rootfile; echo rm status $?; mv /tmp/rootfile /tmp/mine; echo mv status $?'",
        "cat /tmp/rootfile",
        # Hole 8: filling /tmp gives her ENOSPC (made small first, for speed).
        "fsysopts /tmp --size=1M",
        "su user -c 'cat /dev/zero > /tmp/z; echo fill status $?; rm /tmp/z && echo she removed it'",
        "fsysopts /tmp --size=25%",
        "id; ls /bin | grep -c sh",
        "poweroff",
    ]
    boot = qemu.boot("", timeout=240, dialogue=typed_at_prompts(commands))
    out = boot.output.replace("\r", "")
    checks = [
        ("her passive translator runs as her", re.search(r"uid=1000 gid=100 root=yes cwd=yes proc=yes", out)),
        ("it cannot read /etc/shadow", re.search(r"secret=permission_denied", out)),
        ("a program she may not execute is refused", re.search(r"^p2 status [1-9]", out, re.M)),
        ("she cannot remove root's file in the sticky /tmp", re.search(r"^rm status [1-9]", out, re.M)),
        ("nor rename it", re.search(r"^mv status [1-9]", out, re.M)),
        ("root's file is still there", re.search(r"^root only$", out, re.M)),
        ("filling /tmp gives her ENOSPC", re.search(r"No space left on device", out)
         and re.search(r"^fill status [1-9]", out, re.M)),
        ("she removes her file afterwards", re.search(r"^she removed it$", out, re.M)),
        ("root's commands still run", re.search(r"uid=0\(root\)", out) and re.search(r"^[1-9]\d*$", out, re.M)),
        ("poweroff ends QEMU with status 0", boot.status == 0),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "fs isolation: as user through su", checks, out)


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
