#!/usr/bin/env python3
"""Runs the shell scripts of this folder with the shell and utilities built
for the build host (make host-utils) and compares what they print.

Each case is NAME.sh with its expected output in NAME.expected: standard
output and standard error together, then a last line "exit N" with the
shell's status. Every case runs twice, as `sh NAME.sh` and as `sh < NAME.sh`
(commands from a pipe, as `make run` feeds them), in a fresh directory
with only the utilities on PATH. Prints one line per run and ends with
"N passed, M failed"; exits 1 if anything failed.
"""
import argparse
import difflib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 60


def run_case(bin_dir: pathlib.Path, script: pathlib.Path, piped: bool) -> str:
    with tempfile.TemporaryDirectory(prefix="portico-sh-") as scratch:
        shutil.copy(script, os.path.join(scratch, "script.sh"))
        environment = {
            "PATH": str(bin_dir),
            "HOME": scratch,
            "ASAN_OPTIONS": "detect_leaks=0",
        }
        command = [str(bin_dir / "sh")] if piped else [str(bin_dir / "sh"), "script.sh"]
        with open(script, "rb") as script_input:
            result = subprocess.run(
                command,
                cwd=scratch,
                env=environment,
                stdin=script_input if piped else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=TIMEOUT_SECONDS,
                preexec_fn=lambda: os.umask(0o022),
            )
        output = result.stdout.decode("utf-8", "replace").replace(scratch, "$SCRATCH")
        return output + f"exit {result.returncode}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, type=pathlib.Path)
    parser.add_argument("--cases", required=True, type=pathlib.Path)
    arguments = parser.parse_args()
    bin_dir = arguments.bin.resolve()
    passed = failed = 0
    for script in sorted(arguments.cases.glob("*.sh")):
        expected = script.with_suffix(".expected").read_text()
        for piped in (False, True):
            name = f"{script.stem} ({'piped' if piped else 'file'})"
            try:
                actual = run_case(bin_dir, script, piped)
            except subprocess.TimeoutExpired:
                actual = f"timed out after {TIMEOUT_SECONDS} s\n"
            if actual == expected:
                passed += 1
                print(f"PASS {name}")
                continue
            failed += 1
            print(f"FAIL {name}")
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), "expected", "actual"))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
