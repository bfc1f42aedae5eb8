#!/usr/bin/env python3
"""Generates the kernel's symbol table for symbolized backtraces.

  ksyms.py --empty OUT.S          an empty table, for the first link
  ksyms.py KERNEL.elf OUT.S       the table of KERNEL.elf's functions
  ksyms.py --check FIRST.elf FINAL.elf
                                  fails if any function moved between links
"""
import subprocess
import sys


def functions(elf):
    """(address, demangled name) of every function in the text, sorted."""
    out = subprocess.run(["nm", "-n", "-C", "--defined-only", elf],
                         check=True, capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] in "TtWw":
            result.append((int(parts[0], 16), parts[2]))
    return result


def linker_symbol(elf, name):
    out = subprocess.run(["nm", "--defined-only", elf], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16)
    raise SystemExit("ksyms.py: no %s in %s" % (name, elf))


def kernel_text_functions(elf):
    """The functions of the higher-half .text only: the 32-bit boot code at
    low addresses never runs once the kernel is up, and including it would
    make every address between it and the text look like kernel code."""
    start = linker_symbol(elf, "__text_start")
    end = linker_symbol(elf, "__text_end")
    return [(a, n) for a, n in functions(elf) if start <= a < end], end


def write_table(path, entries, end):
    # One name per address: the first (nm -n order) wins for aliases.
    unique = []
    for address, name in entries:
        if not unique or unique[-1][0] != address:
            unique.append((address, name))
    lines = ['    .section .ksyms, "a"', "    .balign 8",
             "    .globl ksyms_count, ksyms_addresses, ksyms_name_offsets, ksyms_names",
             "ksyms_count:", "    .quad %d" % len(unique), "ksyms_addresses:"]
    lines += ["    .quad 0x%x" % address for address, _ in unique]
    lines.append("    .quad 0x%x" % end)  # sentinel: end of text
    lines.append("ksyms_name_offsets:")
    offset = 0
    for _, name in unique:
        lines.append("    .long %d" % offset)
        offset += len(name.encode()) + 1
    lines.append("ksyms_names:")
    for _, name in unique:
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        lines.append('    .asciz "%s"' % escaped)
    lines.append('    .section .note.GNU-stack, "", @progbits')
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def check(first, final):
    before = [(a, n) for a, n in functions(first) if not n.startswith("ksyms_")]
    after = [(a, n) for a, n in functions(final) if not n.startswith("ksyms_")]
    if before != after:
        moved = [pair for pair in before if pair not in after][:5]
        raise SystemExit("ksyms.py: functions moved between links: %r" % moved)


def main(argv):
    if len(argv) == 3 and argv[1] == "--empty":
        write_table(argv[2], [], 0)
    elif len(argv) == 4 and argv[1] == "--check":
        check(argv[2], argv[3])
    elif len(argv) == 3:
        entries, end = kernel_text_functions(argv[1])
        write_table(argv[2], entries, end)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
