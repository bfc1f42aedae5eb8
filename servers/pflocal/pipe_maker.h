// pflocal's root: a directory in which every lookup of "pipe" makes a new
// anonymous pipe. The C library's pipe() opens /servers/pipe/pipe for
// reading and writing, makes a read-only and a write-only peropen of it
// (io Duplicate) and closes the first: two ends of one pipe nobody else
// can reach. (Unix sockets will join pipes here.)
#pragma once

#include <fs_server/pipe.h>

namespace pflocal {

class PipeMaker final : public fs::Node {
public:
    static constexpr const char* kPipeName = "pipe";

    PipeMaker()
    {
        stat.mode = fs::kDirectory | 0555;
        stat.links = 2;
        stat.inode = 1;
    }

    Error lookup(const char* name, fs::Node*& found) override;

private:
    void destroy() override { heap::destroy(this); }
};

} // namespace pflocal
