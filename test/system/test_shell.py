"""The shell on the console, driven as a user would: commands typed on the
serial line (test/system/qemu.py's dialogue), pipelines and redirections
into tmpfs, translators set from the shell (active and passive), ps, kill
of a translator, fork sharing an open file's offset, poll and select over
pipes and the console, a program built by
autoconf's configure with portico-cc, ^C of a running program, poweroff
ending QEMU with status 0; and `make run` fed commands through a pipe."""
import os
import re
import subprocess

from shell_session import typed_at_prompts


def after(out, command):
    """What the console shows after the line ending in `command` was typed
    (the last time), up to the next prompt."""
    start = out.rfind(command + "\n")
    if start < 0:
        return ""
    rest = out[start + len(command) + 1:]
    end = rest.find("\n# ")
    return rest if end < 0 else rest[:end]


def run(qemu, results):
    commands = [
        "echo one two three | wc -w",
        "echo hello > /tmp/f; echo more >> /tmp/f; cat < /tmp/f | grep -c o",
        "ls /no/such/file 2> /tmp/err; echo status $?; cat /tmp/err",
        "settrans -ac /tmp/h /hurd/hello && cat /tmp/h",
        # hello's file holds its one argument as it is: echo ends the line.
        "settrans -c /tmp/p /hurd/hello 'Passive greeting'; showtrans /tmp/p; cat /tmp/p; echo",
        "ps",
        # Both hellos: the one settrans started and the passive one tmpfs did.
        "kill $(ps | grep /hurd/hello | while read pid rest; do echo $pid; done); sleep 1; "
        "echo left $(ps | grep -c /hurd/hello)",
        "echo again; cat /tmp/p; echo",
        "/test/forkoffset",
        "/test/autohello",
    ]
    keys = typed_at_prompts(commands)
    # polltest waits, in raw mode, for a key typed on the console.
    keys += typed_at_prompts(["/test/polltest"]) + [("polltest: press a key", "k")]
    keys += typed_at_prompts(["cd /tmp && pwd && ls f* && cd / && echo *ome", "sleep 30"])
    # ^C while sleep runs: the job ends, the prompt comes back.
    keys.append((2.0, "\x03"))
    keys += typed_at_prompts(["echo interrupted $?", "poweroff"])
    boot = qemu.boot("", timeout=240, dialogue=keys)
    out = boot.output
    ps = after(out, "# ps")
    checks = [
        ("a pipeline counts words", re.search(r"^3$", after(out, "wc -w"), re.M)),
        ("> and >> write tmpfs files, < and a pipe read them", re.search(r"^2$", after(out, "grep -c o"), re.M)),
        ("2> sends errors to a file; $? says the command failed",
         re.search(r"status [12]\n.*No such file", after(out, "cat /tmp/err"), re.S)),
        ("settrans -a attaches hello and cat reads its greeting", "Hello, world!" in after(out, "cat /tmp/h")),
        ("showtrans prints the passive translator", '/tmp/p: /hurd/hello "Passive greeting"' in out),
        ("the passive translator starts at the first lookup", re.search(r"^Passive greeting$", out, re.M)),
        ("ps lists the servers", all(re.search(r"\b%s\b" % name, ps) for name in
                                     ("startup", "auth", "proc", "exec", "tmpfs", "term", "sh", "ps"))),
        ("ps lists the translators settrans and tmpfs (a passive one) started", ps.count("/hurd/hello") == 2),
        ("kill ends translators", re.search(r"left 0", out)),
        ("a killed passive translator starts again at the next lookup",
         re.search(r"^Passive greeting$", after(out, "echo again; cat /tmp/p; echo"), re.M)),
        ("fork shares the open file's offset", "forkoffset: done 0 failed" in out),
        ("poll and select over pipes and the console (test/posix/polltest.c)", "polltest: done 0 failed" in out),
        ("a program built by autoconf's configure with portico-cc runs (test/autoconf)",
         re.search(r"autohello: autohello 1\.0\n.*sizeof\(long\) 8, sizeof\(off_t\) 8\n"
                   r".*fork yes, strdup yes, a missing function found no\n.*sqrt\(2\) 1\.4142$",
                   after(out, "/test/autohello"), re.S)),
        ("cd, pwd and globbing", re.search(r"^/tmp\nf\n", after(out, "echo *ome"), re.M)
         and re.search(r"^home$", after(out, "echo *ome"), re.M)),
        ("^C ends the running program (status 130)", re.search(r"interrupted 130", out)),
        ("poweroff ends QEMU with status 0", boot.status == 0),
    ]
    for name, ok in checks:
        results.record("shell: " + name, bool(ok))
    results.show_output_on_failure(all(ok for _, ok in checks), out, 120)
    check_make_run_piped(qemu, results)


def check_make_run_piped(qemu, results):
    """`make run` with commands on standard input, as the README shows:
    they are typed at the prompts, and poweroff ends it with status 0."""
    tree = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.dirname(os.path.abspath(qemu.iso))
    commands = b"settrans -ac /tmp/h /hurd/hello\ncat /tmp/h\npoweroff\n"
    try:
        ran = subprocess.run(["make", "-s", "--no-print-directory", "-C", tree, "run", "BUILD=" + build],
                             input=commands, capture_output=True, timeout=180)
        out, status = ran.stdout.decode("utf-8", "replace").replace("\r", ""), ran.returncode
    except subprocess.TimeoutExpired as timeout:
        out, status = (timeout.stdout or b"").decode("utf-8", "replace"), None
    ok = "Hello, world!" in out and status == 0
    results.record("shell: printf '...' | make run types the commands and ends with status 0", ok,
                   "exit status %s" % status)
    results.show_output_on_failure(ok, out, 40)
