// Filling tmpfs from an archive: the root file system's contents, which
// boot/make_archive.py packs from a folder of the tree as a cpio archive
// ("newc" format) and GRUB loads as a boot module. Directories, regular
// files and symbolic links are made with the archive's modes and owners;
// other kinds are skipped. A damaged archive gives invalid_argument (what
// came before the damage stays).
#pragma once

#include <fs_server/node.h>
#include <stddef.h>
#include <stdint.h>

namespace tmpfs {

// Unpacks `size` bytes at `data` under `root` (a tmpfs directory).
// `entries` (if given) counts what was made.
Error unpack_archive(const uint8_t* data, size_t size, fs::Node& root, uint64_t* entries = nullptr);

} // namespace tmpfs
