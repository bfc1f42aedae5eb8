// What the C library keeps of the process it runs in: its own ports, its
// init ports (root and working directories, auth, proc, exec) and the path
// of its working directory (the file systems do not know it: getcwd
// answers from here, as chdir leaves it).
#pragma once

#include <exec/init_ports.h>
#include <runtime/mach.h>

namespace posix {

constexpr unsigned kMaxPath = 4096;

struct ProcessState {
    mach::SelfPorts self {};
    exec::InitPorts init;
    char cwd[kMaxPath] = "/";
};

ProcessState& process_state();

// The task's port names may change under the program only at fork, in the
// child: it calls this to learn its own.
void refresh_self_ports();

// At start: the working directory's path from PWD, if it has one.
void take_working_directory_path();

} // namespace posix
