// Starting a program in a new task from user space: what the exec server
// and file systems starting passive translators do. The program is a
// static ELF64 executable in memory; it gets its own address space, the
// System V initial stack (argv, envp, auxv) and a bootstrap port.
#pragma once

#include <freestanding/result.h>
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

// A new, empty task named `name` (for logs) that has not started: its
// task port, a send right the caller owns. It ends unstarted when that
// port has no senders left.
Result<mach::PortName> create_task(const char* name);

// Loads `program` into `task` (new and empty) and starts it, with
// `bootstrap` given by `disposition` as its bootstrap port (kNullName:
// none). invalid_argument for an image that is not a static x86-64
// executable; on failure nothing was started, but the task may hold
// parts of the image (the caller drops it).
Error load(mach::PortName task, const Program& program, mach::PortName bootstrap, mach::Disposition disposition);

// create_task and load: starts `program` in a new task whose bootstrap port is `bootstrap`, given
// by `disposition` (kNullName: none). Returns its task port (a send right
// the caller owns). Nothing is left behind on failure: a refused image
// gives invalid_argument.
Result<mach::PortName> spawn(const Program& program, mach::PortName bootstrap, mach::Disposition disposition);

// Waits (at most `timeout_ns`: timed_out) until the task behind `task` (a
// send right the caller keeps; a dead name once it ended) has ended: a
// dead-name notification on a port of its own.
Error wait_for_end(mach::PortName task, uint64_t timeout_ns = mach::kWaitForever);

} // namespace exec
