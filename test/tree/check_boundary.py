#!/usr/bin/env python3
"""The kernel/user boundary is one-way. Each include is resolved as the
compilers would find it (a quoted one first beside its file, then the include
roots below); what resolves nowhere is a compiler header (<stddef.h>, <new>)
and allowed.
  - mach/ (the kernel) includes only mach/ and freestanding/include;
  - freestanding/ includes only freestanding/include and mach/include;
  - user space (lib/, servers/, ...) includes nothing of mach/ but mach/include;
  - no user-space build in make/ names a source under mach/ other than
    mach/include, nor puts mach/ on its include path (-Imach)."""
import os
import re
import sys

from tree import includes_of, sources_under

ROOTS = ["mach/include", "freestanding/include", "mach", "lib"]
# Folder checked -> the folders its includes may resolve into (None: anywhere but mach/, except mach/include).
RULES = {
    "mach": ["mach/", "freestanding/include/"],
    "freestanding": ["freestanding/include/", "mach/include/"],
}
USER_SPACE = ["lib", "servers", "translators", "glibc-shim", "utils", "test/programs", "test/posix"]
# Makefiles of host builds (the fuzzers compile the kernel's IPC core for the build host).
HOST_MAKEFILES = {"make/fuzz.mk"}
MACH_SOURCE = re.compile(r"(?<![\w.-])mach/(?!include\b)[\w.-][\w./*-]*")
MACH_ROOT = re.compile(r"-Imach(?![\w/])")


def resolve(top, source, kind, target):
    """The file (relative to top) an include names, or None for a compiler header."""
    folders = ([os.path.dirname(source)] if kind == '"' else []) + ROOTS
    for folder in folders:
        path = os.path.normpath(os.path.join(folder, target))
        if os.path.isfile(os.path.join(top, path)):
            return path
    return None


def include_violations(top, folder, allowed):
    for file in sources_under(os.path.join(top, folder)):
        source = os.path.relpath(file, top)
        for kind, target in includes_of(file):
            path = resolve(top, source, kind, target)
            if path is None:
                continue
            if allowed is None:
                bad = path.startswith("mach/") and not path.startswith("mach/include/")
            else:
                bad = not path.startswith(tuple(allowed))
            if bad:
                yield f"{source}: includes {target} ({path})"


def makefile_violations(top):
    for name in sorted(os.listdir(os.path.join(top, "make"))):
        path = f"make/{name}"
        if not name.endswith(".mk") or path in HOST_MAKEFILES:
            continue
        with open(os.path.join(top, path), encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                for match in MACH_SOURCE.findall(line):
                    yield f"{path}:{number}: names the kernel source {match}"
                if MACH_ROOT.search(line):
                    yield f"{path}:{number}: puts the kernel's folders on the include path (-Imach)"


def main():
    top = sys.argv[1]
    problems = []
    for folder, allowed in RULES.items():
        problems += include_violations(top, folder, allowed)
    for folder in USER_SPACE:
        problems += include_violations(top, folder, None)
    problems += makefile_violations(top)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
