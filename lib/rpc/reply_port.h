// The port a thread's calls get their replies on: made on first use and
// kept, so that a call costs no port allocation.
#pragma once

#include <freestanding/result.h>
#include <mach/port.h>

namespace rpc {

// The calling thread's reply port (a receive right it holds).
Result<mach::PortName> reply_port();

// Destroys it (the next call makes a new one): after a call whose reply
// may still arrive later, so that it cannot be taken for another's.
void discard_reply_port();

// Where the reply port's name is kept: the calling thread's block
// (runtime/thread.h), so each thread of a server calls through its own. On the host a thread may act for
// several tasks in turn (test_support::ActAs), and swaps this slot as it does.
mach::PortName& reply_port_slot();

} // namespace rpc
