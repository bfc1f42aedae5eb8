// A node for device-like translators (null, zero): a character device
// anyone may read and write, whose reads and writes the subclass defines.
#pragma once

#include <fs_server/node.h>
#include <heap/heap.h>

namespace fs {

class DeviceNode : public Node {
public:
    DeviceNode()
    {
        stat.mode = kCharacterDevice | 0666;
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = 4096;
    }

    // Whatever is written is accepted and dropped.
    Error write(uint64_t, const uint8_t*, uint32_t) override { return Error::none; }

private:
    void destroy() override { heap::destroy(this); }
};

} // namespace fs
