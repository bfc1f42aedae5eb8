"""The user-space libraries on the real kernel: typed RPC (lib/rpc) between
two tasks, a ports::Server (lib/ports) handing out objects as payload
rights and releasing one when its last right dies, tmpfs (lib/fs_server) filled
from the boot archive and serving files through lib/fs_client, and
translators started from user space (lib/exec): attached, killed, and
passive ones started at the first lookup."""
from programs import run_programs


def run(qemu, results):
    run_programs(qemu, results, "libraries: rpc and ports", ["counterserver", "counterclient"], "counterclient", 8, [
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
    run_programs(qemu, results, "utilities: settrans, showtrans, fsysopts", ["tmpfs", "utilstest"], "utilstest", 10, [
        ("showtrans prints the passive translator", r"showtrans: /tmp/p: /hurd/hello Passive"),
        ("fsysopts prints the running translator's options", r"fsysopts: /tmp/h: Hello, world!"),
        ("fsysopts changes them", r"fsysopts: /tmp/h: Goodbye, world!"),
        ("settrans -g made hello go away", r"/hurd/hello: gone away: none"),
    ])
    run_programs(qemu, results, "translators: fifo and symlink", ["tmpfs", "fifotest"], "fifotest", 24, [
        ("the writer task ended cleanly", r"task: fifowriter ended with status 0"),
        ("a read blocked in a translator that was killed ended with an error",
         r"blockedreader: PASS the_blocked_read_ended_with_an_error"),
        ("the blocked reader ended cleanly", r"task: blockedreader ended with status 0"),
    ])
