"""The user-space libraries on the real kernel: typed RPC (lib/rpc) between
two tasks, a ports::Server (lib/ports) handing out objects as payload
rights and releasing one when its last right dies, tmpfs (lib/fs) filled
from the boot archive and serving files through lib/fs/client, and
translators started from user space (lib/exec): attached, killed, and
passive ones started at the first lookup."""
import re

from programs import program_checks, run_programs
from test_user import record_all


def run(qemu, results):
    run_programs(qemu, results, "libraries: rpc and ports", ["counterserver", "counterclient"], "counterclient", 7, [
        ("a counter is released when its last right dies", r"counterserver: counter 1 released"),
        ("the server stops when asked", r"counterserver: served until stopped: none"),
        ("the server ends cleanly", r"task: counterserver ended with status 0"),
    ])
    run_programs(qemu, results, "libraries: tmpfs", ["tmpfs", "fstest"], "fstest", 18, [
        ("tmpfs unpacked the boot archive", r"tmpfs: unpacked \d+ entries from root.cpio: none"),
        ("tmpfs goes away when asked, once nothing is open", r"tmpfs: gone away: none"),
        ("tmpfs ends cleanly", r"task: tmpfs ended with status 0"),
    ])
    run_programs(qemu, results, "libraries: spawning translators", ["tmpfs", "spawntest"], "spawntest", 13, [
        ("the killed translator ended", r"task: hello ended with status 9"),
    ])
    run_programs(qemu, results, "utilities: settrans, showtrans, fsysopts", ["tmpfs", "utilstest"], "utilstest", 8, [
        ("showtrans prints the passive translator", r"showtrans: /tmp/p: /hurd/hello Passive"),
        ("fsysopts prints the running translator's options", r"fsysopts: /tmp/h: Hello, world!"),
        ("settrans -g made hello go away", r"/hurd/hello: gone away: none"),
    ])
    boot_to_startup(qemu, results)


def boot_to_startup(qemu, results):
    """startup brings up auth, exec and the root tmpfs from the boot
    modules and runs /test/servertest from the root file system."""
    boot = qemu.boot("start=startup", startup="/test/servertest", timeout=60,
                     stop_when=r"startup: /test/servertest ended")
    out = boot.output
    checks = program_checks(out, "servertest", 15)
    checks += [
        ("startup brought auth, exec and the root file system up", re.search(r"startup: system up", out)),
        ("the script's interpreter got the script's path and arguments",
         re.search(r"hello.sh: interpreter argv: /test/servertest --interpreter /test/hello.sh first second", out)),
        ("the script ended with its interpreter's status", re.search(r"task: hello.sh ended with status 7", out)),
        ("servertest ended cleanly", re.search(r"task: servertest ended with status 0", out)),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    record_all(results, "servers: boot to startup", checks, out)
