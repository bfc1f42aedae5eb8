// The client's side of the exec server (lib/interfaces/exec.h): load the
// program at `path` into `task` and start it.
#pragma once

#include <exec/init_ports.h>
#include <mach/error.h>
#include <mach/port.h>

namespace exec {

struct Command {
    const char* path; // looked up from the init ports' root and working directories
    const char* const* argv;
    uint32_t argc;
    const char* const* envp;
    uint32_t envc;
    const Descriptors* descriptors = nullptr; // open files it keeps (names already in its task)
};

// Opens `command.path` (for reading and executing, as the caller's
// directories allow) and has `exec_server` load it into `task` (new,
// empty) with `init` as its init ports.
Error execute(mach::PortName exec_server, mach::PortName task, const Command& command, const InitPorts& init);

} // namespace exec
