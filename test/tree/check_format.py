#!/usr/bin/env python3
"""Every tracked C and C++ source is formatted as its .clang-format says (the
top-level one, or a folder's own: C code keeps the * with the name). Needs
clang-format 14, which ./configure installs; another version formats some
lines differently, so it is refused rather than trusted."""
import os
import re
import subprocess
import sys

from tree import tracked_files

SOURCE = re.compile(r"\.(c|h|cpp)$")
BATCH = 100


def clang_format_version():
    try:
        process = subprocess.run(["clang-format", "--version"], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    match = re.search(r"version (\d+)\.", process.stdout)
    return int(match.group(1)) if match else None


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    version = clang_format_version()
    if version != 14:
        print("clang-format 14 is needed (./configure installs it); found: %s" % version)
        return 1
    files = tracked_files(top)
    if files is None:
        return 1
    sources = [path for path in files if SOURCE.search(path)]
    unformatted = []
    for start in range(0, len(sources), BATCH):
        batch = sources[start:start + BATCH]
        process = subprocess.run(["clang-format", "--dry-run"] + batch, cwd=top, capture_output=True, text=True)
        unformatted += sorted({line.split(":")[0] for line in process.stderr.splitlines() if "warning:" in line})
    for path in unformatted:
        print("not formatted: %s (clang-format -i mends it)" % path)
    return 1 if unformatted else 0


if __name__ == "__main__":
    sys.exit(main())
