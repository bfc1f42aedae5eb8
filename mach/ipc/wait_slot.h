// The seam between the IPC core and the threads that block on it.
//
// The core never sleeps. Each port and port set carries a WaitSlot in which
// the kernel's mach_msg glue parks the threads waiting to receive from it
// (and, for a port, the senders waiting for queue space); the core reports
// what happened through an Observer (see observer.h) and the glue wakes
// them. Host builds have no threads: their slot is empty.
#pragma once

#ifdef PORTICO_HOST

namespace ipc {
struct WaitSlot { };
} // namespace ipc

#else

#include <kern/wait_queue.h>

namespace ipc {
struct WaitSlot {
    kern::WaitQueue receivers; // threads in mach_msg receive on this port or set
    kern::WaitQueue senders; // threads waiting for room in this port's queue
};
} // namespace ipc

#endif
