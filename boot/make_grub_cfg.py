#!/usr/bin/env python3
"""Writes the GRUB menu of one of the two images (BIOS and UEFI, CD and USB):

  make_grub_cfg.py --image users --output grub.cfg   build/portico.iso's: the system
  make_grub_cfg.py --image test --output grub.cfg    build/portico-test.iso's: the same
      entry, which the system tests configure (TEST_HOOK), with the test programs
      of test/programs as boot modules, and an entry for the kernel's self tests

Both share the menu's settings and the system's boot modules, written once here.
The menu shows on the screen and on the first serial port."""
import argparse

HEADER = """\
# GRUB menu of {what} (written by boot/make_grub_cfg.py).
# The menu shows on the screen and on the first serial port.
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
insmod all_video

set timeout=3
set default=0
"""

# The test image's hook for the system tests (test/system/qemu.py).
TEST_HOOK = """\
set portico_cmdline=""
set portico_startup=""

# The system tests attach a small FAT disk holding portico-test.cfg, which
# sets portico_cmdline (and timeout=0) for the test at hand. A boot without
# such a disk skips this. (A loop of -f tests rather than `search`, which
# would print an error on every such boot.)
for disk in (hd0) (hd1) (hd2) (hd3); do
    if [ -f $disk/portico-test.cfg ]; then
        source $disk/portico-test.cfg
        break
    fi
done

# start=... names the boot modules the kernel starts as tasks (by the first
# word of their command line); the test configuration may override it, and
# set portico_startup: what startup runs once the system is up.
"""

# The system: the servers startup brings up (in /boot/hurd/) and the root
# file system's archive, which tmpfs unpacks. {startup} is what startup runs
# once the system is up (empty: the shell on the console).
SYSTEM_MODULES = """\
    module2 /boot/portico/motd.txt motd.txt
    module2 /boot/portico/root.cpio root.cpio
    module2 /boot/hurd/tmpfs tmpfs --archive=root.cpio
    module2 /boot/hurd/startup startup{startup}
    module2 /boot/hurd/auth auth
    module2 /boot/hurd/exec exec
    module2 /boot/hurd/term term
    module2 /boot/hurd/proc proc
"""

# The test programs of test/programs (make/user.mk), which the system tests
# start with start=<name>: each line's first word after the file is its name.
TEST_MODULES = """\
    module2 /boot/portico/hello hello world
    module2 /boot/portico/usertest usertest
    module2 /boot/portico/spin spin-a 3 30
    module2 /boot/portico/spin spin-b 7 30
    module2 /boot/portico/fault fault-null null
    module2 /boot/portico/fault fault-ud ud
    module2 /boot/portico/fault fault-gp gp
    module2 /boot/portico/fault fault-de de
    module2 /boot/portico/fault fault-kernel kernel
    module2 /boot/portico/corrupt corrupt
    module2 /boot/portico/garbled garbled
    module2 /boot/portico/bench bench
    module2 /boot/portico/bench benchpeer
    module2 /boot/portico/ipcserver ipcserver
    module2 /boot/portico/ipcclient ipcclient rpc 1000
    module2 /boot/portico/ipcclient ipcvictim victim
    module2 /boot/portico/ipcqueue ipcqueue
    module2 /boot/portico/replyflood replyflood
    module2 /boot/portico/oomtest oomtest
    module2 /boot/portico/hostile hostile
    module2 /boot/portico/taskctl taskctl
    module2 /boot/portico/vmtest vmtest
    module2 /boot/portico/vmstress vmstress
    module2 /boot/portico/devtest devtest
    module2 /boot/portico/fault fault-io io
    module2 /boot/portico/counterserver counterserver
    module2 /boot/portico/counterclient counterclient
    module2 /boot/portico/fstest fstest
    module2 /boot/portico/spawntest spawntest
    module2 /boot/portico/utilstest utilstest
    module2 /boot/portico/fsbench fsbench
    module2 /boot/portico/proctest proctest
    module2 /boot/portico/fifotest fifotest
"""

SELF_TEST_ENTRY = """
menuentry "Portico (kernel self tests)" {
    multiboot2 /boot/portico/mach test=all
    module2 /boot/portico/motd.txt motd.txt
    boot
}
"""


def menu(image):
    """The grub.cfg text of `image` ("users" or "test")."""
    test = image == "test"
    text = HEADER.format(what="the test image, build/portico-test.iso" if test else "Portico, build/portico.iso")
    if test:
        text += "\n" + TEST_HOOK
    text += '\nmenuentry "Portico" {\n'
    text += "    multiboot2 /boot/portico/mach start=startup%s\n" % (" $portico_cmdline" if test else "")
    text += SYSTEM_MODULES.format(startup=" $portico_startup" if test else "")
    if test:
        text += TEST_MODULES
    text += "    boot\n}\n"
    if test:
        text += SELF_TEST_ENTRY
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", choices=("users", "test"), required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    with open(args.output, "w") as f:
        f.write(menu(args.image))


if __name__ == "__main__":
    main()
