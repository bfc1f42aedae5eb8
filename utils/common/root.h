// Where the utilities start their paths. FIXME(libc): until the C library
// gives a process its root and working directory, a utility's bootstrap
// port is the root file system's control port and it works as root.
#pragma once

#include <fs/client.h>
#include <interfaces/fsys.h>
#include <mach/mach.h>
#include <rpc/client.h>

namespace utils {

inline mach::PortName root_directory()
{
    mach::SelfPorts self {};
    if (mach::self_ports(&self) != Error::none)
        return mach::kNullName;
    rpc::Rights<1> got;
    fsys::GetRoot::Reply reply {};
    Error status = rpc::call<fsys::GetRoot>(self.bootstrap, { { 0, 0 }, fs::kRead | fs::kExecute, 0 }, reply, {}, &got);
    return status == Error::none ? got[0].name : mach::kNullName;
}

} // namespace utils
