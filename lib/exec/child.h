// Starting a program as a child process, as fork+exec does: a new task,
// registered with proc as the caller's child (its handle goes into the
// program's init ports), loaded by the exec server; and waiting for it.
// What startup, and later the shell and the C library, build on.
#pragma once

#include <exec/execute.h>
#include <exec/init_ports.h>
#include <freestanding/result.h>

namespace exec {

// Starts `command` with `init` as its init ports (its proc handle is
// replaced by the child's own) and the open files of command.descriptors; `init[kProc]` is the caller's handle and
// `init[kExecServer]` the exec server. Returns the child's pid. If the
// program cannot start, its process is ended and reaped: nothing is left.
Result<int32_t> start_child(const Command& command, InitPorts init);

// Registers `task` with proc (through `proc_handle`) as the caller's child
// named `name`: the child's handle (the caller's), and its pid in `pid`.
// proc records the child as who `auth_handle` (the child's auth handle)
// proves, or as the caller's owner without one. What a starter does for a
// program that is not started with start_child (a translator settrans
// starts), so that ps lists it and kill reaches it.
Result<mach::PortName> register_child(mach::PortName proc_handle, mach::PortName task, const char* name, int32_t& pid,
    mach::PortName auth_handle = mach::kNullName);

// register_child for a program that never asks proc itself (a translator
// settrans or a file system started): the child's handle is dropped, and
// so is `task`. Registration failing is not an error: the program runs on,
// unlisted. A server starting a program with another identity than its
// own passes the program's auth handle, so that proc records that one.
void list_child(
    mach::PortName proc_handle, mach::PortName task, const char* name, mach::PortName auth_handle = mach::kNullName);

// Puts the open files of `table` (send rights of the caller, under the
// names the table gives) into `task` under the same names: what the new
// program's descriptors will name.
Error share_descriptors(mach::PortName task, const Descriptors& table);

// Waits (proc Wait through `proc_handle`) until child `pid` has ended;
// its wait status (glibc's encoding).
Result<int32_t> wait_child(mach::PortName proc_handle, int32_t pid);

} // namespace exec
