"""The system's servers on the real kernel: startup bringing the system up
(auth, exec, the root tmpfs) and running a test program from the root
file system with its init ports; proc (process bookkeeping), started by
proctest playing pid 1 with proc's service port as its bootstrap receive
right: children registered with Child, their exit statuses, faults and
kills read through Wait, groups, the process list, and bad requests
refused."""
import re

from programs import program_checks, run_programs, startup_ended
from test_user import record_all


def run(qemu, results):
    boot_to_startup(qemu, results)
    run_programs(qemu, results, "servers: proc", ["proctest"], "proctest", 33, [
        ("a child knows its ids", r"exiter: PASS child_knows_its_ids"),
        ("a child reports its exit", r"exiter: PASS exit_reported"),
        ("proc refuses a bootstrap port that is not a receive right",
         r"proc-wrong: error: the bootstrap port must be a receive right"),
        ("and ends with status 1", r"task: proc-wrong ended with status 1"),
        ("the exiting child ended with its status", r"task: exiter ended with status 7"),
        ("the sleeper was killed", r"task: sleeper ended with status 9"),
    ])


def boot_to_startup(qemu, results):
    """startup brings up auth, proc, exec and the root tmpfs from the boot
    modules and runs /test/servertest from the root file system."""
    boot = qemu.boot("start=startup", startup="/test/servertest", timeout=60,
                     stop_when=startup_ended("/test/servertest"))
    out = boot.output
    checks = program_checks(out, "servertest", 29)
    checks += [
        ("startup brought auth, proc, exec and the root file system up", re.search(r"startup: system up", out)),
        ("startup reaped its child through proc", re.search(r"startup: /test/servertest ended: wait status 0", out)),
        ("the script's interpreter got the script's path and arguments",
         re.search(r"hello.sh: interpreter argv: /test/servertest --interpreter /test/hello.sh first second", out)),
        ("the script ended with its interpreter's status", re.search(r"task: hello.sh ended with status 7", out)),
        ("servertest ended cleanly", re.search(r"task: servertest ended with status 0", out)),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "servers: boot to startup", checks, out)
