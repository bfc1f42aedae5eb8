// The port calls of mach/syscall.h (port_allocate .. port_identify), decoded
// from their raw arguments and carried out on name spaces. The kernel's
// system calls and the host kernel of the unit tests share this decoding;
// each resolves the target task (argument a0) and supplies the caller's
// memory, where results are written.
#pragma once

#include <freestanding/result.h>
#include <mach/syscall.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class NameSpace;

// The raw arguments, as the system call got them.
struct CallArgs {
    uint64_t a0, a1, a2, a3, a4, a5;
};

// The calling task's memory: results go there.
class CallerMemory {
public:
    virtual Result<void> write(uint64_t address, const void* bytes, size_t size) = 0;

protected:
    ~CallerMemory() = default;
};

// Whether `call` is one of the port calls.
bool is_port_call(mach::Syscall call);

// Carries out `call` on `target` (the space of the task args.a0 names) for
// `caller`. Output addresses are checked before anything changes, so that
// a bad pointer cannot make a right vanish. Concurrency: the caller holds
// the IPC core's lock.
Error port_call(mach::Syscall call, const CallArgs& args, NameSpace& caller, NameSpace& target, CallerMemory& memory);

} // namespace ipc
