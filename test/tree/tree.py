"""What the tree checks share: the files git tracks, the C and C++ sources
under a folder, and the includes a source names. (Not a check itself: only
check_*.py files are run.)"""
import os
import re
import subprocess

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
SOURCE_SUFFIXES = (".c", ".h", ".cpp", ".S")


def tracked_files(top):
    """The paths git tracks under `top` (relative to it); None, with the reason
    printed, when `top` is not a git checkout."""
    process = subprocess.run(["git", "-C", top, "ls-files"], capture_output=True, text=True)
    if process.returncode != 0:
        print("not a git checkout: %s" % process.stderr.strip())
        return None
    return process.stdout.splitlines()


def sources_under(folder):
    """The C, C++ and assembly sources below `folder`, in a stable order."""
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.join(root, name)


def includes_of(path):
    """(kind, target) of each #include in the file: kind is '<' or '"'."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return INCLUDE.findall(handle.read())
