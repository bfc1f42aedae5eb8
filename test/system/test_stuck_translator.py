"""A translator that never answers holds up only the lookups through it
(issue 13, hole 5): `user` (through su) attaches /test/stucktrans to a node
of hers, four of her processes look up through it in the background, and
root's `ls /` and `cat /etc/motd` answer while they wait; the stuck lookups end with an
error once the root tmpfs gives up on the translator (its timeout), which
it detaches: the node is itself again. settrans -a gave the translator
its own standard output (redirected to a file, which holds what the
translator wrote there). And exec, asked to load a program
through a port that never answers (/test/stuckexec), fails that request
after its call timeout while it starts other programs meanwhile."""
import re

from programs import program_checks, startup_ended
from shell_session import typed_at_prompts

NODE = "/home/user/stuck"
STUCK = "su user -c 'cat %s/x; echo stuck-ended-$?' &" % NODE


def run(qemu, results):
    check_lookups(qemu, results)
    check_exec(qemu, results)


def check_exec(qemu, results):
    boot = qemu.boot("start=startup", startup="/test/stuckexec", timeout=120,
                     stop_when=startup_ended("/test/stuckexec"))
    checks = program_checks(boot.output, "stuckexec", 5)
    checks.append(("no panic", "KERNEL PANIC" not in boot.output))
    for name, ok in checks:
        results.record("stuck exec: " + name, bool(ok))
    results.show_output_on_failure(all(ok for _, ok in checks), boot.output, 60)


def check_lookups(qemu, results):
    commands = ["su user -c 'settrans -ac %s /test/stucktrans > /home/user/said && echo attached'" % NODE,
                "cat /home/user/said"]
    commands += [STUCK] * 4
    commands += ["sleep 1; ls /; cat /etc/motd; echo root-answered",
                 "wait; echo all-waited",
                 "ls %s; echo listed-$?" % NODE,
                 "poweroff"]
    boot = qemu.boot("start=startup", timeout=240, dialogue=typed_at_prompts(commands))
    out = boot.output
    answered = out.find("root-answered\n")
    first = re.search(r"^stuck-ended-\d+$", out, re.M)  # a lookup's end (not the command typed)
    first_end = first.start() if first else -1
    ended = re.findall(r"^stuck-ended-(\d+)$", out, re.M)
    checks = [
        ("user attaches a translator that never answers", "\nattached\n" in out),
        ("settrans -a gives the translator the user's standard output",
         "\nstucktrans: on the starter's standard output\n" in out),
        ("root's ls / and cat /etc/motd answer while four lookups wait on it",
         answered >= 0 and (first_end < 0 or answered < first_end) and "etc" in out[:answered]),
        ("the four stuck lookups end with an error after the timeout",
         len(ended) == 4 and all(status != "0" for status in ended)),
        ("the node is itself again after the timeout (the translator detached)", "listed-0" in out),
        ("poweroff ends QEMU with status 0", boot.status == 0),
    ]
    for name, ok in checks:
        results.record("stuck translator: " + name, bool(ok))
    results.show_output_on_failure(all(ok for _, ok in checks), out, 120)
