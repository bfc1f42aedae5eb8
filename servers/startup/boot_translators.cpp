#include "boot_translators.h"

#include <fs_client/client.h>
#include <interfaces/fs.h>
#include <rpc/client.h>

namespace startup {
namespace {

struct BootTranslator {
    const char* node;
    const char* command; // the passive translator's command line
};

constexpr BootTranslator kBootTranslators[] = {
    { "/dev/null", "/hurd/null" },
    { "/dev/zero", "/hurd/zero" },
    { "/servers/pipe", "/hurd/pflocal" },
    // /tmp is a file system of its own, so that filling it (anyone may
    // write there) leaves the root file system, and the memory the rest
    // of the system needs, alone: a quarter of RAM (the root file system,
    // also in memory, may take half), sticky and open to all.
    { "/tmp", "/hurd/tmpfs --mode=1777 --size=25%" },
};

Error set_passive(mach::PortName root, const BootTranslator& translator)
{
    uint32_t flags = fs::kRead | fs::kCreate | fs::kNoTranslator;
    mach::PortName node = TRY(fs::client::open(root, root, translator.node, flags, 0666));
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetPassive;
    request.passive.set(translator.command);
    fs::SetTranslator::Reply reply {};
    Error status = rpc::call<fs::SetTranslator>(node, request, reply);
    fs::client::close(node);
    return status;
}

} // namespace

Error set_boot_translators(mach::PortName root)
{
    for (const BootTranslator& translator : kBootTranslators)
        TRY_STATUS(set_passive(root, translator));
    return Error::none;
}

} // namespace startup
