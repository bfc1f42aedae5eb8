"""The device port: I/O ports, device memory and DMA buffers granted to a
user-space task (the first boot task holds the port), the clock's
interrupt delivered as messages, and a task without a grant killed by its
first `in` instruction while the kernel goes on."""
from programs import run_programs


def run(qemu, results):
    # Under both firmwares: they lay out the ACPI tables differently.
    for firmware in ["bios", "uefi"]:
        run_programs(qemu, results, "devices (%s): device port" % firmware, ["devtest", "fault-io"], "devtest", 22, [
            ("an ungranted port faults", r"fault: task fault-io killed: #GP"),
            ("the grant is logged", r"device: devtest may use I/O ports 0x70-0x71"),
            ("the I/O APIC is found in the ACPI tables", r"irq: I/O APIC \d+ at 0xfec00000"),
        ], firmware=firmware)
