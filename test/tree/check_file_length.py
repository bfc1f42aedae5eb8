#!/usr/bin/env python3
"""No tracked source file is over 800 lines: past that, a file holds two ideas
(../shared/STYLE.md, rule 9)."""
import os
import re
import sys

from tree import tracked_files

SOURCE = re.compile(r"\.(c|h|cpp|S|py|sh|mk)$")
LIMIT = 800


def main():
    top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    files = tracked_files(top)
    if files is None:
        return 1
    too_long = []
    for path in files:
        if SOURCE.search(path):
            with open(os.path.join(top, path), encoding="utf-8", errors="replace") as handle:
                lines = sum(1 for _ in handle)
            if lines > LIMIT:
                too_long.append((path, lines))
    for path, lines in too_long:
        print("%s: %d lines (the limit is %d)" % (path, lines, LIMIT))
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
