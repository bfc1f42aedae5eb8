#!/usr/bin/env python3
"""Packs the root file system's contents as a cpio archive ("newc"), which
GRUB loads as a boot module and tmpfs unpacks at start
(translators/tmpfs/archive.h).

  make_archive.py --output root.cpio --root boot/root --add hurd/hello=build/user/hurd/hello ...

Everything is root's, except what lies under home/<user>: that user's
(see OWNERS). Modes come from the files (executables 0755, the rest 0644,
directories 0755); symbolic links are kept as links."""
import argparse
import os
import stat
import sys

# Folders whose contents belong to a user: (path prefix, uid, gid).
OWNERS = [("home/user", 1000, 100)]
# Modes other than the usual ones.
# /etc/shadow is root's alone; su is set-user-id root (it checks the target's
# password itself, then becomes the target: exec gives it root's power).
MODES = {
    "tmp": stat.S_IFDIR | 0o1777,
    "etc/shadow": stat.S_IFREG | 0o600,
    "bin/su": stat.S_IFREG | 0o4755,
}
# Files that only keep an empty folder in git.
PLACEHOLDERS = {".keep"}


def owner_of(path):
    for prefix, uid, gid in OWNERS:
        if path == prefix or path.startswith(prefix + "/"):
            return uid, gid
    return 0, 0


def entry(path, mode, data, inode):
    uid, gid = owner_of(path)
    name = path.encode() + b"\0"
    fields = [inode, mode, uid, gid, 1, 0, len(data), 0, 0, 0, 0, len(name), 0]
    header = b"070701" + b"".join(b"%08x" % f for f in fields)
    out = header + name
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def normal_mode(st):
    if stat.S_ISDIR(st.st_mode):
        return stat.S_IFDIR | 0o755
    if stat.S_ISLNK(st.st_mode):
        return stat.S_IFLNK | 0o777
    return stat.S_IFREG | (0o755 if st.st_mode & 0o111 else 0o644)


def collect(root):
    """(archive path, file system path) of everything under root, parents first."""
    found = []
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(folders) + sorted(f for f in files if f not in PLACEHOLDERS):
            full = os.path.join(folder, name)
            found.append((os.path.relpath(full, root), full))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--add", action="append", default=[], help="DEST=SOURCE: a file put at DEST")
    args = parser.parse_args()
    items = collect(args.root)
    for added in args.add:
        dest, source = added.split("=", 1)
        items.append((dest, source))
    out = bytearray()
    made_dirs = set()
    inode = 1
    for path, source in items:
        # Parent folders of added files first.
        parts = path.split("/")
        for depth in range(1, len(parts)):
            parent = "/".join(parts[:depth])
            if parent not in made_dirs:
                made_dirs.add(parent)
                out += entry(parent, stat.S_IFDIR | 0o755, b"", inode)
                inode += 1
        st = os.lstat(source)
        mode = MODES.get(path, normal_mode(st))
        if stat.S_ISDIR(st.st_mode):
            if path in made_dirs:
                continue
            made_dirs.add(path)
            data = b""
        elif stat.S_ISLNK(st.st_mode):
            data = os.readlink(source).encode()
        else:
            with open(source, "rb") as f:
                data = f.read()
        out += entry(path, mode, data, inode)
        inode += 1
    out += entry("TRAILER!!!", 0, b"", 0)
    with open(args.output, "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
