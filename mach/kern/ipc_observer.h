// The kernel's ipc::Observer: wakes the threads blocked in mach_msg when
// the IPC core reports an event, and serves messages sent to kernel ports.
#pragma once

#include <ipc/observer.h>

namespace kern {

class Thread;

ipc::Observer& kernel_observer();

// The receiver the current thread's last send woke, if it has not run yet
// (then forgotten): mach_msg's receive half switches straight to it.
Thread* take_hand_off_hint();
// Called as `thread` is freed, so that no hint outlives it.
void forget_hand_off_hint(Thread& thread);

} // namespace kern
