// Starting a server from its boot module, before any file system exists:
// the server's bootstrap port is its service port (a receive right moved
// into it, with its init ports queued), and startup keeps a plain send
// right to it.
#pragma once

#include <exec/init_ports.h>
#include <freestanding/result.h>
#include <mach/port.h>

namespace startup {

// Starts boot module `module` with `argv` (argc words) and `init`;
// returns startup's send right to its service port. With `task`, startup
// keeps a send right to the server's task there too.
Result<mach::PortName> start_boot_server(const char* module, const char* const* argv, size_t argc,
    const exec::InitPorts& init, mach::PortName* task = nullptr);

} // namespace startup
