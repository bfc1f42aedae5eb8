// The kernel's ipc::Observer: wakes the threads blocked in mach_msg when
// the IPC core reports an event, and serves messages sent to kernel ports.
#pragma once

#include <ipc/observer.h>
#include <ipc/port.h>
#include <ipc/port_set.h>
#include <kern/thread.h>
#include <kern/wait_queue.h>

#include <mach/error.h>
#include <mach/port.h>
#include <stdint.h>

namespace ipc {
class Port;
}

namespace kern {

// A thread waiting in mach_msg's receive offers its kernel buffer: a
// sender taking the direct path (ipc::transfer_direct) writes the message
// there and hands it the CPU.
struct ReceiveWait {
    void* buffer;
    uint32_t capacity;
    ipc::Port* port; // received from (null: a port set)
    mach::PortName name; // the receiver's name for it
    uint32_t size = 0; // of the message delivered
    bool delivered = false;
};

// The first thread waiting to receive from `port` (or from its set), if it
// offers room for `size` bytes; null otherwise. Inline: on every RPC.
inline Thread* direct_receiver(ipc::Port& port, uint32_t size)
{
    WaitQueue* queue = &port.wait_slot().receivers;
    if (queue->empty() && port.set())
        queue = &port.set()->wait_slot().receivers;
    Thread* receiver = queue->first();
    if (!receiver || !receiver->receive_wait || receiver->receive_wait->capacity < size || !receiver->task())
        return nullptr;
    return receiver;
}

ipc::Observer& kernel_observer();

// The receiver the current thread's last send woke, if it has not run yet
// (then forgotten): mach_msg's receive half switches straight to it.
Thread* take_hand_off_hint();
// Called as `thread` is freed, so that no hint outlives it.
void forget_hand_off_hint(Thread& thread);

} // namespace kern
