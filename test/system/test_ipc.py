"""IPC between user tasks: out-of-line memory moved copy-on-write and
shared memory objects, RPC ping-pong through send-once reply rights, a
port set served by one thread, payload rights and their no-senders
notification, kernel objects as ports (creating tasks and threads,
terminating them), a server killed mid-RPC, a queue filled to its limit,
and a hostile task throwing garbage at mach_msg."""
import re

from test_user import record_all


def program_checks(out, name, minimum):
    """Every PASS/FAIL line a test program printed, as checks."""
    passes = re.findall(r"%s: PASS (\S+)" % name, out)
    fails = re.findall(r"%s: FAIL (\S+)" % name, out)
    checks = [("%s ran its checks" % name, len(passes) + len(fails) >= minimum),
              ("%s: no check failed" % name, not fails and re.search(r"%s: done 0 failed" % name, out))]
    checks += [(check, True) for check in passes] + [(check, False) for check in fails]
    return checks


def ended(*names):
    return "(?s)" + "".join(r"(?=.*task: %s ended with status -?\d+\r?\n)" % name for name in names)


def check_rpc(qemu, results):
    boot = qemu.boot("start=ipcserver,ipcclient", timeout=90, stop_when=ended("ipcserver", "ipcclient"))
    out = boot.output
    checks = program_checks(out, "ipcclient", 9)
    checks += [("1000 round trips", re.search(r"ipcclient: 1000 of 1000 round trips ok", out)),
               ("payload released on no-senders", re.search(r"ipcserver: payload 119 released", out)),
               ("server ends cleanly", re.search(r"task: ipcserver ended with status 0", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ipc: rpc", checks, out)


def check_server_killed(qemu, results):
    boot = qemu.boot("start=ipcserver,ipcvictim", timeout=60, stop_when=ended("ipcserver", "ipcvictim"))
    out = boot.output
    checks = program_checks(out, "ipcvictim", 5)
    checks += [("server died mid-RPC", re.search(r"task: ipcserver ended with status 3", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ipc: server killed", checks, out)


def check_queue(qemu, results):
    boot = qemu.boot("start=ipcqueue", timeout=60, stop_when=ended("ipcqueue"))
    out = boot.output
    record_all(results, "ipc: queue limit", program_checks(out, "ipcqueue", 13), out)


def check_hostile(qemu, results):
    boot = qemu.boot("start=hostile,hello", timeout=60, stop_when=ended("hostile", "hello"))
    out = boot.output
    checks = program_checks(out, "hostile", 25)
    checks += [("kernel survives", "KERNEL PANIC" not in out),
               ("another task runs afterwards", re.search(r"hello: hello from user mode", out))]
    record_all(results, "ipc: hostile task", checks, out)


def check_tasks(qemu, results):
    boot = qemu.boot("start=taskctl", timeout=60, stop_when=ended("taskctl"))
    out = boot.output
    checks = program_checks(out, "taskctl", 15)
    checks += [("the child's fault killed only the child", re.search(r"fault: task child killed: #PF", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ipc: tasks and threads as ports", checks, out)


def check_memory(qemu, results):
    boot = qemu.boot("start=vmtest", timeout=60, stop_when=ended("vmtest"))
    out = boot.output
    checks = program_checks(out, "vmtest", 28)
    checks += [("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ipc: out-of-line and shared memory", checks, out)


def run(qemu, results):
    check_rpc(qemu, results)
    check_server_killed(qemu, results)
    check_queue(qemu, results)
    check_hostile(qemu, results)
    check_tasks(qemu, results)
    check_memory(qemu, results)
