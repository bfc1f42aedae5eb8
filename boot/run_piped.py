#!/usr/bin/env python3
"""`make run` with standard input from a pipe or a file: boots QEMU with the
serial console on this process, shows everything it prints, and types the
lines of standard input one at a time, each once the shell's prompt is back
(typed all at once they would reach GRUB's menu, or go to a program that
reads its standard input). Ends with QEMU's exit status (0 after poweroff).

  printf 'ls /\\npoweroff\\n' | run_piped.py qemu-system-x86_64 ARGS...
"""
import os
import re
import select
import subprocess
import sys

# The shell's prompt at the start of a line: "# " for root, "$ " for a user
# (its line editor starts the prompt with a carriage return), the last
# thing printed or followed at once by a kernel log line ("[    4.004207] ...").
PROMPT = re.compile(rb"\n\r?[#$] (?=$|\[ *\d+\.\d+\] )")


def main():
    lines = sys.stdin.buffer.read().splitlines(keepends=True)
    qemu = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    seen = b""
    while True:
        ready, _, _ = select.select([qemu.stdout], [], [], 1.0)
        if not ready:
            if qemu.poll() is not None:
                break
            continue
        chunk = os.read(qemu.stdout.fileno(), 65536)
        if not chunk:
            break
        sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        seen = (seen + chunk)[-256:]
        if lines and PROMPT.search(seen):
            seen = b""
            qemu.stdin.write(lines.pop(0))
            qemu.stdin.flush()
    return qemu.wait()


if __name__ == "__main__":
    sys.exit(main())
