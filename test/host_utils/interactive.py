#!/usr/bin/env python3
"""The shell on a terminal (a pseudo-terminal on the build host): the
prompt, line editing, history, ^C at the prompt and ^C to a foreground job
(the job dies, the shell stays), ^D to leave. Prints "N passed, M failed"
and exits 1 on any failure."""
import argparse
import os
import pathlib
import pty
import select
import sys
import time


class Terminal:
    def __init__(self, shell: pathlib.Path):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(str(shell), [str(shell)],
                      {"PATH": str(shell.parent), "HOME": "/", "ASAN_OPTIONS": "detect_leaks=0"})

    def read_until(self, wanted: bytes, seconds: float = 10.0) -> bytes:
        """What the terminal shows until `wanted` appears (or the time runs out)."""
        seen = b""
        end = time.time() + seconds
        while wanted not in seen and time.time() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(self.fd, 4096)
                except OSError:
                    break
        return seen

    def type(self, keys: bytes):
        os.write(self.fd, keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, type=pathlib.Path)
    shell = parser.parse_args().bin.resolve() / "sh"
    prompt = b"# " if os.geteuid() == 0 else b"$ "
    terminal = Terminal(shell)
    results = []

    def check(name: str, keys: bytes, wanted: bytes, pause: float = 0.0):
        """Types `keys` and looks for `wanted`; after a command line (keys
        ending with Enter) also waits for the next prompt, so that the next
        keys are not typed while the shell is still busy."""
        terminal.type(keys)
        if pause:
            time.sleep(pause)
        seen = terminal.read_until(wanted)
        ok = wanted in seen
        if ok and keys.endswith(b"\r") and not seen.endswith(prompt):
            seen += terminal.read_until(prompt)
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'} {name}" + ("" if ok else f": wanted {wanted!r}, saw {seen!r}"))

    check("the prompt", b"", prompt)
    check("typing and running", b"echo one\r", b"one\r\n" + b"\r" + prompt)
    check("left arrow and insert", b"echo helo\x1b[Dl\r", b"hello\r\n")
    check("^A and ^E", b"cho x\x01e\x05y\r", b"xy\r\n")
    check("^U clears before the cursor", b"garbage\x15echo clean\r", b"clean\r\n")
    check("backspace", b"echo abcc\x7f\r", b"abc\r\n")
    check("history: up twice", b"\x1b[A\x1b[A\r", b"echo clean\r\r\nclean\r\n")
    check("^C at the prompt cancels the line", b"echo never\x03", b"^C\r\n\r" + prompt)
    check("a continuation line", b"echo 'a\rb'\r", b"a\r\nb\r\n")
    terminal.type(b"sleep 30 | cat\r")
    time.sleep(0.5)
    check("^C ends the foreground job, not the shell", b"\x03", b"^C\r\n\r" + prompt)
    check("... and its status is 128 + SIGINT", b"echo status=$?\r", b"status=130")
    check("a background job is reported when done", b"sleep 0.1 &\r", b"]\r\n")
    time.sleep(0.3)
    check("... at the next prompt", b"\r", b"Done")
    terminal.type(b"\x04")
    _, status = os.waitpid(terminal.pid, 0)
    ended = os.WIFEXITED(status)
    results.append(ended)
    print(f"{'PASS' if ended else 'FAIL'} ^D on an empty line leaves the shell")
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
