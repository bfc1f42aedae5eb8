"""Users and identity, driven from the console as a user would: id and
whoami as root and as `user` (through su), su's password check against
/etc/shadow (set-user-id su run by user: the right password gives root,
a wrong one is refused), /etc/shadow unreadable by user, and what a
hostile user cannot do: kill root's processes or the servers (kill -9 -1
as user leaves the system working), or take every process slot (a fork
bomb as user gets EAGAIN; root still starts programs afterwards); login
on the console."""
import re

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


SERVERS = ("startup", "auth", "proc", "exec", "tmpfs", "term")


def run(qemu, results):
    keys = typed_at_prompts([
        "id; whoami",
        "su user -c 'id; whoami'",
        "su - user -c 'pwd; echo $HOME'",
        "su user -c 'cat /etc/shadow; echo status $?'",
        "su user -c 'echo wrong | su -c id; echo status $?'",
    ])
    # su as user asks the password on the console (echo off), then runs as root.
    keys += typed_at_prompts(["su user -c 'su -c \"id -u; whoami\"'"]) + [("Password: ", "portico\n")]
    # login: a wrong password, then the right one; user's shell ("$ ") in its home.
    keys += typed_at_prompts(["login"]) + [
        ("login: ", "user\n"), ("Password: ", "nope\n"),
        ("login: ", "user\n"), ("Password: ", "user\n"),
        (r"\n\$ ", "echo logged in as $(id -u) in $(pwd); exit\n"),
    ]
    keys += typed_at_prompts([
        "su user -c 'kill -9 1; echo status $?'",
        "su user -c 'kill -9 2 3 4 5 6 2>/dev/null; echo status $?'",
        "su user -c 'kill -9 -1'",
        "echo root after kill; ps",
        "su user -c /test/forkbomb",
        "echo root after forkbomb; ls /etc",
        "poweroff",
    ])
    boot = qemu.boot("", timeout=300, dialogue=keys)
    out = boot.output
    ps = after(out, "echo root after kill; ps")
    checks = [
        ("id and whoami as root", re.search(r"uid=0\(root\) gid=0\(root\) groups=0\(root\)\nroot",
                                            after(out, "id; whoami"))),
        ("su user: id and whoami say user, with its groups",
         re.search(r"uid=1000\(user\) gid=100\(users\) groups=100\(users\),50\(staff\)\nuser",
                   after(out, "su user -c 'id; whoami'"))),
        ("su - user starts in the user's home",
         re.search(r"^/home/user\n/home/user", after(out, "su - user -c 'pwd; echo $HOME'"), re.M)),
        ("/etc/shadow is unreadable by user",
         re.search(r"Permission denied\nstatus 1", after(out, "su user -c 'cat /etc/shadow; echo status $?'"))),
        ("su refuses a wrong password",
         re.search(r"Authentication failure\nstatus 1",
                   after(out, "su user -c 'echo wrong | su -c id; echo status $?'"))),
        ("su as user with root's password gives root (set-user-id su)",
         re.search(r"^0\nroot$", after(out, "su user -c 'su -c \"id -u; whoami\"'"), re.M)),
        ("login refuses a wrong password", "Login incorrect" in after(out, "login")),
        ("login starts the user's shell in its home", "logged in as 1000 in /home/user" in out),
        ("user cannot kill init",
         re.search(r"not permitted(.|\n)*status 1", after(out, "su user -c 'kill -9 1; echo status $?'"))),
        ("user cannot kill the servers",
         re.search(r"status 1", after(out, "su user -c 'kill -9 2 3 4 5 6 2>/dev/null; echo status $?'"))),
        ("after kill -9 -1 as user, root's shell and every server still run",
         "root after kill" in ps and all(re.search(r"\b%s\b" % name, ps) for name in SERVERS)),
        ("a fork bomb as user is stopped by EAGAIN",
         re.search(r"forkbomb: \d+ forked, then EAGAIN\nforkbomb: reaped \d+", out)),
        ("root runs a command after the fork bomb",
         re.search(r"^shadow$", after(out, "echo root after forkbomb; ls /etc"), re.M)),
        ("poweroff ends QEMU with status 0", boot.status == 0),
    ]
    for name, ok in checks:
        results.record("identity: " + name, bool(ok))
    results.show_output_on_failure(all(ok for _, ok in checks), out, 400)
