"""IPC between user tasks: out-of-line memory moved copy-on-write and
shared memory objects, RPC ping-pong through send-once reply rights, a
port set served by one thread, payload rights and their no-senders
notification, kernel objects as ports (creating tasks and threads,
terminating them), a server killed mid-RPC, a queue filled to its limit,
a hostile task throwing garbage at mach_msg, a client that floods a server
and never reads the replies, and a task that eats all memory."""
from programs import run_programs


def run(qemu, results):
    run_programs(qemu, results, "ipc: rpc", ["ipcserver", "ipcclient"], "ipcclient", 9, [
        ("1000 round trips", r"ipcclient: 1000 of 1000 round trips ok"),
        ("payload released on no-senders", r"ipcserver: payload 119 released"),
        ("server ends cleanly", r"task: ipcserver ended with status 0"),
    ], timeout=90)
    run_programs(qemu, results, "ipc: server killed", ["ipcserver", "ipcvictim"], "ipcvictim", 5, [
        ("server died mid-RPC", r"task: ipcserver ended with status 3"),
    ])
    run_programs(qemu, results, "ipc: queue limit", ["ipcqueue"], "ipcqueue", 13)
    # Alone, so that the kernel's object counts move only with what it does.
    run_programs(qemu, results, "ipc: hostile task", ["hostile"], "hostile", 27, [
        ("it ends normally, served to the last", r"task: hostile ended with status 0"),
    ])
    run_programs(qemu, results, "ipc: tasks and threads as ports", ["taskctl"], "taskctl", 24, [
        ("the child's fault killed only the child", r"fault: task child killed: #PF"),
    ])
    run_programs(qemu, results, "ipc: out-of-line and shared memory", ["vmtest"], "vmtest", 16)
    # Replies are charged to the client that receives them (mach/README.md, "Who pays for what").
    run_programs(qemu, results, "ipc: a client that never reads its replies", ["ipcserver", "replyflood"],
                 "replyflood", 7, [
                     ("the server ends cleanly, having served everyone", r"task: ipcserver ended with status 0"),
                 ], timeout=240)
    run_programs(qemu, results, "kernel: out of memory kills the unprivileged hog", ["oomtest"], "oomtest", 6, [
        ("the privileged task lives on", r"task: oomtest ended with status 0"),
        ("the hog was killed for memory",
         r"fault: task oomhog killed: .*\(no_memory\)|oom: out of memory serving \S+: killing oomhog"),
    ], timeout=240)
