"""Ported programs: Lua 5.4 and zlib's minigzip, built unchanged from
Debian's sources with portico-cc (make/ported.mk), run inside Portico:
test/ported/files.lua (files, number formatting, sorting, patterns, dates,
pcall) and test/ported/gzip.sh (a gzip round trip), each once as the
program startup runs and once typed into the interactive shell.

They are in the image only when it was built with PORTED_PROGRAMS=yes; the
test looks into the root file system's archive and says so when they are
not there (no check is recorded then)."""
import os
import re

from image_contents import archive_names
from programs import program_checks, startup_ended
from shell_session import run_shell_commands
from test_user import record_all

# How many checks each script makes (see programs.program_checks).
FILES_CHECKS = 15
GZIP_CHECKS = 12


def ported_in_image(qemu):
    if not os.path.exists(qemu.root_archive):
        return False
    wanted = {"bin/lua", "bin/minigzip", "test/files.lua", "test/gzip.sh"}
    return wanted <= archive_names(qemu.root_archive)


def check_files_lua(qemu, results):
    boot = qemu.boot("start=startup", startup="/bin/lua /test/files.lua", timeout=120,
                     stop_when=startup_ended("/bin/lua"))
    out = boot.output
    checks = program_checks(out, "files.lua", FILES_CHECKS)
    checks += [("lua says all passed", re.search(r"^lua files ok$", out, re.M)),
               ("lua ended with status 0", re.search(r"startup: /bin/lua ended: wait status 0\n", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ported: lua files.lua", checks, out)


def check_gzip_round_trip(qemu, results):
    boot = qemu.boot("start=startup", startup="/bin/sh /test/gzip.sh", timeout=180,
                     stop_when=startup_ended("/bin/sh"))
    out = boot.output
    checks = program_checks(out, "gzip.sh", GZIP_CHECKS)
    checks += [("the round trip is whole", re.search(r"^gzip round trip ok$", out, re.M)),
               ("the script ended with status 0", re.search(r"startup: /bin/sh ended: wait status 0\n", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "ported: minigzip round trip", checks, out)


def check_from_the_shell(qemu, results):
    """Both again, typed at the shell's prompt: the programs on a terminal."""
    boot = run_shell_commands(qemu, ["lua /test/files.lua", "sh /test/gzip.sh", "echo status $?"],
                              stop_when=r"status \d+\n", timeout=240)
    out = boot.output
    record_all(results, "ported: from the shell", [
        ("lua files.lua passed", re.search(r"files\.lua: done 0 failed\n(.|\n)*lua files ok", out)),
        ("gzip.sh passed", re.search(r"gzip\.sh: done 0 failed\n(.|\n)*gzip round trip ok", out)),
        ("gzip.sh's status", re.search(r"^status 0$", out, re.M)),
        ("no panic", "KERNEL PANIC" not in out),
    ], out)


def run(qemu, results):
    if not ported_in_image(qemu):
        print("ported: skipped: lua and minigzip are not in the image (build with PORTED_PROGRAMS=yes)")
        return
    check_files_lua(qemu, results)
    check_gzip_round_trip(qemu, results)
    check_from_the_shell(qemu, results)
