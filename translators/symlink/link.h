// symlink's node: a symbolic link to a fixed target. As a translator's
// root it is followed by the file system it sits on (fsys GetRoot answers
// its target), so a lookup through the node goes on at the target:
// relative to the directory that holds the node, or from the client's root.
#pragma once

#include <freestanding/text.h>
#include <fs_server/node.h>
#include <heap/heap.h>

namespace symbolic { // (not `symlink`: POSIX has a function of that name)

class Link final : public fs::Node {
public:
    explicit Link(const char* target)
        : m_target(target)
    {
        stat.mode = fs::kSymlink | 0777;
        stat.size = freestanding::text_length(target);
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = 4096;
    }

    const char* target() const override { return m_target; }

private:
    void destroy() override { heap::destroy(this); }

    const char* m_target; // not owned: outlives the node
};

} // namespace symbolic
