// Starting a translator program: spawned with `init` as its init ports
// and, as their parent, a port of the starter's, to which it sends fsys
// Startup with its control port (what fs::run_translator does). Used by
// file systems for passive translators and by settrans -a.
#pragma once

#include <exec/init_ports.h>
#include <exec/spawn.h>
#include <freestanding/result.h>

namespace fs {

// Starts `program` and waits (up to `timeout_ns`) for its control port: a
// send right the caller owns. A program that does not come up is killed.
// `init` (copied) gives it its auth port and directories; its parent is set
// here. With `task`, the caller also gets the translator's task port.
Result<mach::PortName> start_translator(
    const exec::Program& program, uint64_t timeout_ns, exec::InitPorts init = {}, mach::PortName* task = nullptr);

} // namespace fs
