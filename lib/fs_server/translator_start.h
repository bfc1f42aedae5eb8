// Starting a translator program: spawned with `init` as its init ports
// and, as their parent, a port of the starter's, to which it sends fsys
// Startup with its control port (what fs::run_translator does). Used by
// file systems for passive translators and by settrans -a.
//
// The starter gives only what it means the translator to have: a file
// system starting a passive translator gives rights made for the node's
// owner (file_system_passive.cpp), never its own; settrans gives its
// user's own.
#pragma once

#include <exec/init_ports.h>
#include <exec/spawn.h>
#include <freestanding/result.h>

namespace fs {

// Starts `program` and waits (up to `timeout_ns`) for its control port: a
// send right the caller owns. A program that does not come up is killed;
// one that ends before it does is noticed at once (port_dead).
// `init` (copied) gives it its auth port and directories; its parent is
// set here. With init[kProc] (the starter's proc handle) the translator
// is registered with proc as the starter's child (ps lists it, kill
// reaches it) and gets its own handle. `descriptors` (send rights of the
// caller's, copied into the new task) are its open files; without them
// it has none. With `task`, the caller also gets the translator's task port;
// with `pid`, its pid (0 if it was not registered), set even when the start
// fails: the caller, its parent, reaps it (proc Wait).
Result<mach::PortName> start_translator(const exec::Program& program, uint64_t timeout_ns, exec::InitPorts init = {},
    mach::PortName* task = nullptr, const exec::Descriptors* descriptors = nullptr, int32_t* pid = nullptr);

// Ends a translator's task (given by start_translator) that is not wanted
// after all, and drops the caller's task port.
void end_translator(mach::PortName task);

} // namespace fs
