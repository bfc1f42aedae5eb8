// Where the utilities start their paths. FIXME(libc): until the C library
// gives a process its root and working directory, a utility's bootstrap
// port is the root file system's control port and it works as root.
#pragma once

#include <fs/client.h>
#include <mach/mach.h>

namespace utils {

inline mach::PortName root_directory()
{
    mach::SelfPorts self {};
    if (mach::self_ports(&self) != Error::none)
        return mach::kNullName;
    Result<mach::PortName> root = fs::client::root_from_control(self.bootstrap, { 0, 0 });
    return root.ok() ? root.value() : mach::kNullName;
}

} // namespace utils
