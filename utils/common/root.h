// Where the utilities start their paths: the root directory of their init
// ports (a program startup or a shell started). Started the old way, as a
// boot task or by a test program, a utility's bootstrap port is the root
// file system's control port instead, and it works as root.
// FIXME(libc): the C library will keep the init ports for a program.
#pragma once

#include <exec/init_ports.h>
#include <fs/client.h>
#include <mach/mach.h>

namespace utils {

inline mach::PortName root_directory()
{
    exec::InitPorts init = exec::receive_init_ports();
    mach::PortName given = init[exec::kRootDirectory];
    init[exec::kRootDirectory] = mach::kNullName;
    exec::release(init);
    if (given != mach::kNullName)
        return given;
    mach::SelfPorts self {};
    if (mach::self_ports(&self) != Error::none)
        return mach::kNullName;
    return fs::client::root_from_control(self.bootstrap, { 0, 0 }).value_or(mach::kNullName);
}

} // namespace utils
