"""What an image holds, read from the build's files: the paths in a root
file system's archive and the files on an ISO."""
import os
import subprocess
import tempfile


def archive_names(path):
    """The paths in a cpio "newc" archive (boot/make_archive.py's format)."""
    with open(path, "rb") as f:
        data = f.read()
    names = set()
    offset = 0
    while offset + 110 <= len(data) and data[offset:offset + 6] in (b"070701", b"070702"):
        file_size = int(data[offset + 54:offset + 62], 16)
        name_size = int(data[offset + 94:offset + 102], 16)
        name = data[offset + 110:offset + 110 + name_size - 1].decode("utf-8", "replace")
        if name == "TRAILER!!!":
            break
        names.add(name[2:] if name.startswith("./") else name.lstrip("/"))
        offset = (offset + 110 + name_size + 3) & ~3
        offset = (offset + file_size + 3) & ~3
    return names


def iso_files(path, folder="/"):
    """The paths of the files under `folder` on an ISO 9660 image (read with
    xorriso, which grub-mkrescue needs too)."""
    listing = subprocess.run(["xorriso", "-indev", path, "-find", folder, "-type", "f"],
                             capture_output=True, text=True, check=True).stdout
    return {line.strip().strip("'") for line in listing.splitlines() if line.startswith("'/")}


def iso_file_text(path, name):
    """The text of the file `name` on the ISO at `path`."""
    with tempfile.TemporaryDirectory(prefix="portico-iso-") as folder:
        copy = os.path.join(folder, "file")
        subprocess.run(["xorriso", "-indev", path, "-osirrox", "on", "-extract", name, copy],
                       capture_output=True, check=True)
        with open(copy, encoding="utf-8", errors="replace") as f:
            return f.read()
