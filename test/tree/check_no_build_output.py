#!/usr/bin/env python3
"""Git tracks no build output: nothing under a build folder (build/,
build-*/), and no object file, dependency file, archive or image."""
import os
import re
import sys

from tree import tracked_files

BUILD_FOLDER = re.compile(r"(^|/)build(-[^/]*)?/")
BUILD_SUFFIX = re.compile(r"\.(o|d|a|so|elf|iso|img|cpio|fd)$")


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    files = tracked_files(os.path.abspath(top))
    if files is None:
        return 1
    offenders = [path for path in files if BUILD_FOLDER.search(path) or BUILD_SUFFIX.search(path)]
    for path in offenders:
        print("tracked build output: %s" % path)
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
