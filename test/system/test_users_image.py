"""The image users boot (build/portico.iso) holds no test code: its kernel
links no self test, crash test or benchmark (test/kernel, test/bench), its
ISO carries no test program (test/programs) and no test hook in its GRUB
menu, and its root file system's archive holds no /test/ files. One check;
it boots nothing."""
import glob
import os
import re
import subprocess

from image_contents import archive_names, iso_file_text, iso_files

IMAGE = "users"

# The one symbol both kernels define: the seam of mach/kern/self_tests.h.
SEAM = "kern::run_self_tests(kern::CommandLine const&)"


def defined_symbols(paths):
    """{name: address} of the global code and data symbols the files define."""
    listing = subprocess.run(["nm", "--defined-only", "--demangle"] + paths, capture_output=True, text=True,
                             check=True).stdout
    symbols = {}
    for line in listing.splitlines():
        fields = line.split(" ", 2)
        if len(fields) == 3 and fields[1] in "TDRB":
            symbols[fields[2]] = fields[0]
    return symbols


def test_code_in_kernel(build):
    """What of test/kernel and test/bench the users' kernel holds (a list of problems)."""
    test_objects = sorted(glob.glob(os.path.join(build, "kernel", "test", "**", "*.o"), recursive=True))
    if not test_objects:
        return ["no self-test objects under %s/kernel/test to compare with" % build]
    kernel = defined_symbols([os.path.join(build, "mach.elf")])
    problems = sorted(name for name in defined_symbols(test_objects) if name in kernel and name != SEAM)
    # The linker script's tables of KTEST and KBENCH cases must be empty.
    for table in ("ktests", "kbenches"):
        if kernel.get("__%s_start" % table) != kernel.get("__%s_end" % table):
            problems.append("the .%s table is not empty" % table)
    return problems


def test_code_on_iso(build):
    """The test programs and test hooks on build/portico.iso."""
    iso = os.path.join(build, "portico.iso")
    programs = {os.path.splitext(os.path.basename(path))[0]
                for path in glob.glob(os.path.join(os.path.dirname(__file__), "..", "programs", "*.cpp"))}
    programs |= {"corrupt", "garbled"}  # make/user.mk makes them from hello
    problems = sorted(path for path in iso_files(iso, "/boot/portico") if os.path.basename(path) in programs)
    menu = iso_file_text(iso, "/boot/grub/grub.cfg")
    problems += ["grub.cfg: " + word for word in ("portico-test.cfg", "test=") if word in menu]
    return problems


def test_code_in_root(build):
    """The /test/ files of build/root.cpio."""
    return sorted(name for name in archive_names(os.path.join(build, "root.cpio")) if re.match(r"test(/|$)", name))


def run(qemu, results):
    build = os.path.dirname(os.path.abspath(qemu.iso))
    problems = test_code_in_kernel(build) + test_code_on_iso(build) + test_code_in_root(build)
    results.record("users' image: no test code in its kernel, on its ISO or in its root file system",
                   not problems, "; ".join(problems[:10]))
