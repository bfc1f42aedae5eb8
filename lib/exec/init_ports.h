// A program's init ports (their layout and numbering: lib/interfaces/init_ports.h):
// queued as the first message on its bootstrap port by whoever starts it,
// and taken from there by the program itself.
#pragma once

#include <freestanding/result.h>
#include <interfaces/init_ports.h>
#include <mach/port.h>

namespace exec {

// A bootstrap port for a new program: a receive right (the caller's, to
// move into the program with Disposition::move_receive) with the
// program's init ports queued on it, copies of the caller's send rights
// in `ports` (null ones stay null). `port`, if not null, is used as the
// bootstrap port instead of a new one (a server's service port).
// `descriptors`, if given, goes with them.
Result<mach::PortName> make_bootstrap(
    const InitPorts& ports, mach::PortName port = mach::kNullName, const Descriptors* descriptors = nullptr);

// The program's side: takes the init ports from its bootstrap port (send
// rights it owns now). All null if there was no message (a boot task, or
// a bootstrap port that is a send right). It also keeps a reference to the
// proc handle, so that the program's exit status reaches proc when main
// returns (lib/runtime's start calls portico_before_exit).
// With `descriptors`, the table that came with them is copied there
// (count 0 if none or if it was not valid).
InitPorts receive_init_ports(Descriptors* descriptors = nullptr);

// Gives up the rights in `ports`.
void release(InitPorts& ports);

} // namespace exec
