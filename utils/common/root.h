// Where the utilities start their paths: the root and working directories
// the C library keeps (the init ports of a program a shell or startup
// started). Started the old way, as a boot task or by a test program's
// spawn, a utility's bootstrap port is the root file system's control port
// instead, and it works from that root, as root.
#pragma once

#include <fs_client/client.h>
#include <portico.h>
#include <runtime/mach.h>

namespace utils {

struct Directories {
    mach::PortName root = mach::kNullName;
    mach::PortName cwd = mach::kNullName; // relative paths start here
};

inline Directories directories()
{
    Directories found { portico_init_port(PORTICO_ROOT_DIRECTORY), portico_init_port(PORTICO_WORKING_DIRECTORY) };
    if (found.root == mach::kNullName) {
        mach::SelfPorts self {};
        if (mach::self_ports(&self) == Error::none)
            found.root = fs::client::root_from_control(self.bootstrap, { 0, 0 }).value_or(mach::kNullName);
    }
    if (found.cwd == mach::kNullName)
        found.cwd = found.root;
    return found;
}

} // namespace utils
