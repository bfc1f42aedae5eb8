"""The device port: I/O ports, device memory and DMA buffers granted to a
user-space task (the first boot task holds the port), the clock's
interrupt delivered as messages, and a task without a grant killed by its
first `in` instruction while the kernel goes on."""
import re

from test_ipc import ended, program_checks
from test_user import record_all


def check_device_port(qemu, results):
    boot = qemu.boot("start=devtest,fault-io", timeout=60, stop_when=ended("devtest", "fault-io"))
    out = boot.output
    checks = program_checks(out, "devtest", 21)
    checks += [("an ungranted port faults", re.search(r"fault: task fault-io killed: #GP", out)),
               ("the grant is logged", re.search(r"device: devtest may use I/O ports 0x70-0x71", out)),
               ("the I/O APIC is found in the ACPI tables", re.search(r"irq: I/O APIC \d+ at 0xfec00000", out)),
               ("no panic", "KERNEL PANIC" not in out)]
    record_all(results, "devices: device port", checks, out)


def run(qemu, results):
    check_device_port(qemu, results)
