"""A normal boot of the image users boot, as `make run` does it: banner,
memory map summary, boot modules, and the timer ticking."""
import re

IMAGE = "users"  # test/check.py boots build/portico.iso for this module


def check_normal_boot(qemu, results, firmware):
    boot = qemu.boot("", firmware=firmware, timeout=90, stop_when=r"timer: uptime 3 s")
    out = boot.output
    name = "%s boot" % firmware
    checks = [
        ("banner", re.search(r"boot: Portico mach \S+ \(x86_64\)", out)),
        ("loaded by GRUB", re.search(r"boot: loaded by GRUB", out)),
        ("memory map summary", re.search(r"mem: \d+ MiB usable in \d+ regions, \d+ MiB free", out)),
        ("boot module listed", re.search(r"boot: module motd\.txt at 0x[0-9a-f]+, \d+ bytes", out)),
        ("kernel sections protected", re.search(r"vm: kernel text r-x, rodata r--, data rw-", out)),
        ("timer calibrated", re.search(r"timer: local APIC timer at 100 Hz", out)),
        ("timer ticking", boot.stopped and re.search(r"timer: uptime 1 s.*\n(.*\n)*.*timer: uptime 3 s", out)),
        ("startup brought the servers and the root file system up",
         re.search(r"startup: system up: auth, proc, exec, root file system", out)),
        ("no panic", "KERNEL PANIC" not in out),
    ]
    all_ok = True
    for check, ok in checks:
        all_ok &= results.record("%s: %s" % (name, check), bool(ok))
    results.show_output_on_failure(all_ok, out)


def run(qemu, results):
    check_normal_boot(qemu, results, "bios")
    check_normal_boot(qemu, results, "uefi")
