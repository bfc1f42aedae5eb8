// The rights a program starts with (the Hurd's "init ports"): its root and
// working directories, its auth handle, its proc handle, the exec server
// (to start programs), and for a translator the parent that started it —
// their numbering and the message that carries them, as they travel.
//
// They travel as the first message queued on the program's bootstrap
// port, which the program receives (a receive right): the spawner makes
// the port, queues the message and moves the receive right into the new
// task. Nothing has to answer the new program, and nothing can race it.
// The first task the kernel starts (startup) finds a start message without
// rights: all null. Making and receiving it: lib/exec/init_ports.h.
#pragma once

#include <mach/port.h>
#include <rpc/wire.h>

namespace exec {

enum InitPort : uint32_t {
    kRootDirectory = 0,
    kWorkingDirectory,
    kAuth, // the program's identity (an auth handle)
    kProc, // the program's process (a proc handle)
    kExecServer, // where programs are loaded (lib/interfaces/exec.h)
    kParent, // a translator's parent: where it sends fsys Startup
    kInitPortCount,
};

struct InitPorts {
    mach::PortName at[kInitPortCount] = {};
    mach::PortName& operator[](InitPort which) { return at[which]; }
    mach::PortName operator[](InitPort which) const { return at[which]; }
};

// The open files a program starts with (what exec hands a POSIX program):
// for file descriptor i, names[i] is the name of its send right in the
// program's own task, kNullName where the descriptor is closed. The rights
// are already there (the caller put them into the new task under those
// names); only the table travels.
struct Descriptors {
    static constexpr uint32_t kMax = 256;
    uint32_t count = 0;
    uint32_t reserved = 0;
    mach::PortName names[kMax] = {};
    bool valid() const { return count <= kMax; }
};

// The message that carries them (its id; the rights, and the descriptor table).
struct StartMessage : rpc::Operation<mach::kStartMessageId, kInitPortCount> {
    using Request = Descriptors;
    using Reply = rpc::Empty;
};

} // namespace exec
