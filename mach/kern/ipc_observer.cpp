#include <ipc/port.h>
#include <ipc/port_set.h>
#include <kern/ipc_observer.h>
#include <kern/scheduler.h>
#include <kobject/kernel_object_server.h>

namespace kern {
namespace {

// FIXME(SMP): per CPU.
Thread* g_hand_off_hint = nullptr;

// Wakes the longest waiter of `queue`, remembering it for a hand-off.
bool wake_receiver(WaitQueue& queue)
{
    Thread* first = queue.first();
    if (!first)
        return false;
    queue.wake_one();
    g_hand_off_hint = first;
    return true;
}

class KernelObserver final : public ipc::Observer {
public:
    void message_queued(ipc::Port& port) override
    {
        // A thread receiving on the port itself first, else one on its set.
        if (!wake_receiver(port.wait_slot().receivers) && port.set())
            wake_receiver(port.set()->wait_slot().receivers);
    }

    void queue_space(ipc::Port& port) override
    {
        if (!port.wait_slot().senders.empty())
            port.wait_slot().senders.wake_one();
    }

    void port_died(ipc::Port& port) override
    {
        port.wait_slot().receivers.wake_all(Error::port_dead);
        port.wait_slot().senders.wake_all(Error::port_dead);
    }

    // The waiters look their name up again and find it gone (or moved).
    void port_moved(ipc::Port& port) override { port.wait_slot().receivers.wake_all(); }

    void set_destroyed(ipc::PortSet& set) override { set.wait_slot().receivers.wake_all(Error::port_set_changed); }

    void kernel_message(ipc::Port& port, ipc::Message* message) override { serve_kernel_message(port, message); }
};

KernelObserver g_observer;

} // namespace

ipc::Observer& kernel_observer() { return g_observer; }

Thread* take_hand_off_hint()
{
    Thread* hint = g_hand_off_hint;
    g_hand_off_hint = nullptr;
    // Only a thread that was woken and has not run since: one that runs
    // or waits again (on anything) must not be switched to (or woken) here.
    return hint && hint->state() == ThreadState::ready ? hint : nullptr;
}

void forget_hand_off_hint(Thread& thread)
{
    if (g_hand_off_hint == &thread)
        g_hand_off_hint = nullptr;
}

} // namespace kern
