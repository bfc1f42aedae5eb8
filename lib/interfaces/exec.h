// The exec interface: loading a program into a task.
//
// The caller opens the program (its lookup, its permissions), makes the
// task (empty, not started) and registers it with proc; the exec server
// reads the file, follows a "#!" line to its interpreter (looked up from
// the caller's root and working directory), loads the static ELF64
// image, queues the program's init ports on its bootstrap port and
// starts it. exec holds no authority of its own: it reads what it is given.
#pragma once

#include <interfaces/init_ports.h>
#include <rpc/wire.h>

namespace exec {

constexpr uint32_t kBase = 25000;
constexpr uint32_t kMaxStrings = 16 * 1024; // the path, argv and envp together
constexpr uint32_t kMaxInterpreterDepth = 2; // "#!" of "#!"

// Rights in the request: the file, the task, then the init ports (null
// where the program gets none).
enum ExecRight : uint32_t { kFile = 0, kTask = 1, kFirstInitPort = 2 };

struct Exec : rpc::Operation<kBase + 1, uint32_t(kFirstInitPort) + uint32_t(kInitPortCount)> {
    struct alignas(8) Request {
        uint32_t argc;
        uint32_t envc;
        Descriptors descriptors; // the program's open files (see init_ports.h)
        // The file's path (what a script's interpreter is given), then argc
        // and envc strings, each ending in a NUL.
        rpc::Bytes<kMaxStrings> strings;
        uint32_t wire_size() const { return strings.end_within(this); }
        bool valid() const { return strings.valid() && descriptors.valid(); }
    };
    using Reply = rpc::Empty;
};

} // namespace exec
