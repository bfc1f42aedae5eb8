// Starting a program in a new task from user space: what the exec server
// and file systems starting passive translators do. The program is a
// static ELF64 executable in memory; it gets its own address space, the
// System V initial stack (argv, envp, auxv) and a bootstrap port.
#pragma once

#include <base/result.h>
#include <mach/message.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace exec {

struct Program {
    const uint8_t* image; // the executable's bytes
    size_t size;
    const char* const* argv; // argc strings; argv[0] names the task
    size_t argc;
    const char* const* envp; // envc strings
    size_t envc;
};

// Starts `program` in a new task whose bootstrap port is `bootstrap`, given
// by `disposition` (kNullName: none). Returns its task port (a send right
// the caller owns). Nothing is left behind on failure: a refused image
// gives invalid_argument.
Result<mach::PortName> spawn(const Program& program, mach::PortName bootstrap, mach::Disposition disposition);

// The two halves of spawn, for a caller that must know the task before it
// runs (to register it with proc, whose handle becomes its bootstrap port):
// a new empty task named `name` (its task port, the caller's), then
// `program` loaded and started in it. A task that never started ends when
// the last send right to its task port goes.
Result<mach::PortName> create_task(const char* name);
Error start(mach::PortName task, const Program& program, mach::PortName bootstrap, mach::Disposition disposition);

} // namespace exec
