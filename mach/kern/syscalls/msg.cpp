// mach_msg: send and/or receive one message, with timeouts.
//
// The send half copies the message in from user memory, turns its names
// into rights (ipc::copyin_message) and queues it, blocking while the
// destination's queue is full. The receive half takes the next message
// from a port or port set, blocking until one arrives, and copies it out.
// When one call does both (an RPC), the receiver the send woke runs at
// once: the caller hands the CPU straight to it.
#include <arch/x86_64/cpu.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <ipc/port_set.h>
#include <ipc/transfer.h>
#include <kern/clock.h>
#include <kern/ipc_observer.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <mach/message.h>
#include <vm/address_space.h>
#include <vm/heap.h>

namespace kern {
namespace {

constexpr uint32_t kAllOptions = mach::kSend | mach::kReceive | mach::kSendTimeout | mach::kReceiveTimeout;

// Kernel memory for one message: small ones on the stack, the rest on the
// heap. One buffer serves both halves of a call: the sent bytes are used up
// before the receive needs room.
class MessageBuffer {
public:
    ~MessageBuffer() { drop_heap(); }
    Result<void*> reserve(size_t size)
    {
        if (size <= sizeof(m_inline))
            return static_cast<void*>(m_inline);
        drop_heap();
        m_heap = TRY(heap_allocate(size));
        return m_heap;
    }
    // Room for a message of up to kMaxDirectSize bytes.
    void* small() { return m_inline; }

private:
    void drop_heap()
    {
        if (m_heap)
            heap_free(m_heap);
        m_heap = nullptr;
    }

    alignas(16) uint8_t m_inline[ipc::kMaxDirectSize];
    void* m_heap = nullptr;
};

// The monotonic time a wait of `timeout_ns` ends (kNoDeadline: never).
uint64_t deadline_after(uint64_t timeout_ns)
{
    if (timeout_ns == mach::kWaitForever)
        return kNoDeadline;
    uint64_t now = monotonic_ns();
    return timeout_ns > ~0ull - now ? kNoDeadline : now + timeout_ns;
}

// Why a wait ended, as mach_msg's answer (none: look again).
Error wait_outcome(const WaitResult& result)
{
    switch (result.reason) {
    case WakeReason::timed_out: return Error::timed_out;
    case WakeReason::interrupted: return Error::interrupted;
    case WakeReason::woken: return result.value;
    }
    return Error::none;
}

// The direct path: straight into a waiting receiver's buffer. The receiver
// is claimed: this call's receive (or its end) hands the CPU to it. False:
// take the general path (which also reports any error in the message).
bool try_direct(Task& task, const void* bytes, uint32_t size)
{
    ipc::DirectRoute route = ipc::plan_direct(task.name_space(), bytes, size);
    if (!route.destination)
        return false;
    ipc::Port& port = *route.destination;
    Thread* receiver = direct_receiver(port, size);
    if (!receiver)
        return false;
    ReceiveWait& wait = *receiver->receive_wait;
    mach::PortName name = wait.port == &port ? wait.name : mach::kNullName;
    if (!ipc::transfer_direct(task.name_space(), route, bytes, size, receiver->task()->name_space(), name, wait.buffer)
             .ok())
        return false;
    wait.size = size;
    wait.delivered = true;
    Scheduler::claim(*receiver);
    return true;
}

// The send half, with interrupts off: `bytes` is the message copied in from user memory.
Error send_locked(Task& task, const void* bytes, uint32_t size, uint32_t options, uint64_t timeout_ns)
{
    if (try_direct(task, bytes, size))
        return Error::none;
    Result<ipc::Message*> copied = ipc::copyin_message(task.name_space(), bytes, size);
    if (!copied.ok())
        return copied.error();
    ipc::Message* message = copied.value();
    bool may_wait = !(options & mach::kSendTimeout) || timeout_ns != 0;
    uint64_t deadline = (options & mach::kSendTimeout) ? deadline_after(timeout_ns) : kNoDeadline;
    for (;;) {
        Result<void> sent = ipc::send(message);
        if (sent.ok())
            return Error::none;
        Error outcome = sent.error();
        if (outcome == Error::queue_full && may_wait) {
            // The message's destination right keeps the port (and its wait slot) alive.
            outcome = wait_outcome(message->destination_port().wait_slot().senders.wait(deadline));
            if (outcome == Error::none)
                continue;
        }
        ipc::Message::destroy(message);
        return outcome;
    }
}

kern::WaitQueue& receivers_of(const ipc::ReceiveSource& source)
{
    return source.port ? source.port->wait_slot().receivers : source.set->wait_slot().receivers;
}

// A message received into kernel memory, still to be copied out.
struct Received {
    const void* bytes = nullptr;
    uint32_t size = 0;
};

// Where `from` receives: its receive right (the common case, looked up
// without a Result) or its port set.
Error find_source(Task& task, mach::PortName from, ipc::ReceiveSource& source)
{
    if (ipc::Port* port = task.name_space().receive_port(from)) {
        source = { port, nullptr };
        return Error::none;
    }
    source = TRY(task.name_space().receive_source(from));
    return Error::none;
}

// Whether take_message would find nothing (without calling it).
bool nothing_queued(const ipc::ReceiveSource& source)
{
    return source.port && !source.port->has_messages() && !source.port->dead();
}

// Takes the next message from `source` into `buffer`: Error::none with
// received.bytes null if none is there.
Error take_queued(
    Task& task, const ipc::ReceiveSource& source, uint32_t limit, MessageBuffer& buffer, Received& received)
{
    ipc::Message* message = TRY(ipc::take_message(source, limit));
    if (!message)
        return Error::none;
    Result<void*> bytes = buffer.reserve(message->size());
    if (!bytes.ok()) {
        ipc::Message::destroy(message);
        return bytes.error();
    }
    received = { bytes.value(), message->size() };
    Result<void> copied = ipc::copyout_message(task.name_space(), message, bytes.value());
    return copied.ok() ? Error::none : copied.error();
}

// The receive half, with interrupts off. The message lands in `buffer`.
Error receive_locked(Task& task, mach::PortName from, uint32_t limit, uint32_t options, uint64_t timeout_ns,
    MessageBuffer& buffer, Received& received)
{
    bool timed = options & mach::kReceiveTimeout;
    uint64_t deadline = timed ? deadline_after(timeout_ns) : kNoDeadline;
    // Only a receive right after our own send may skip the run queue (and
    // a receiver this send claimed runs first anyway).
    Thread* hand_off = (options & mach::kSend) && !Scheduler::has_claim() ? take_hand_off_hint() : nullptr;
    for (;;) {
        ipc::ReceiveSource source;
        if (Error found = find_source(task, from, source); found != Error::none)
            return found;
        if (!nothing_queued(source)) {
            Error taken = take_queued(task, source, limit, buffer, received);
            if (taken != Error::none || received.bytes)
                return taken;
        }
        if (timed && timeout_ns == 0)
            return Error::timed_out;
        // A sender may deliver straight into our buffer while we wait.
        ReceiveWait offer { buffer.small(), limit < ipc::kMaxDirectSize ? limit : ipc::kMaxDirectSize, source.port,
            from };
        Thread& self = Scheduler::current();
        self.receive_wait = &offer;
        Error outcome = wait_outcome(receivers_of(source).wait(deadline, hand_off));
        self.receive_wait = nullptr;
        hand_off = nullptr;
        if (offer.delivered) {
            received = { offer.buffer, offer.size };
            return Error::none;
        }
        if (outcome != Error::none)
            return outcome;
    }
}

// Both halves, with interrupts off. A receiver the send claimed runs at
// the receive's wait, or is queued at the end.
Error transfer_locked(Task& task, const SyscallArgs& args, const void* sent, MessageBuffer& buffer, Received& received)
{
    uint32_t options = static_cast<uint32_t>(args.a1);
    Error status = Error::none;
    if (options & mach::kSend)
        status = send_locked(task, sent, static_cast<uint32_t>(args.a2), options, args.a5);
    if (status == Error::none && (options & mach::kReceive))
        status = receive_locked(task, static_cast<mach::PortName>(args.a4), static_cast<uint32_t>(args.a3), options,
            args.a5, buffer, received);
    Scheduler::release_claim();
    return status;
}

} // namespace

Error sys_msg(const SyscallArgs& args)
{
    Task* task = Scheduler::current().task();
    if (!task)
        return Error::not_supported;
    uint32_t options = static_cast<uint32_t>(args.a1);
    if (args.a1 & ~uint64_t(kAllOptions) || !(options & (mach::kSend | mach::kReceive)))
        return Error::invalid_argument;
    if (args.a2 > UINT32_MAX || args.a3 > UINT32_MAX || args.a4 > UINT32_MAX)
        return Error::invalid_argument;
    MessageBuffer buffer;
    void* sent = nullptr;
    if (options & mach::kSend) {
        uint32_t size = static_cast<uint32_t>(args.a2);
        if (size > mach::kMaxMessageSize)
            return Error::too_large;
        if (size < sizeof(mach::MessageHeader))
            return Error::invalid_argument;
        sent = TRY(buffer.reserve(size));
        TRY(vm::copy_from_user(sent, args.a0, size));
    }
    Received received;
    Error status;
    {
        arch::InterruptsOff off;
        status = transfer_locked(*task, args, sent, buffer, received);
    }
    // The rights are in the receiver's space already: a bad buffer loses
    // only the bytes (the names stay until the task drops them).
    if (received.bytes) {
        Result<void> written = vm::copy_to_user(args.a0, received.bytes, received.size);
        if (!written.ok())
            return written.error();
    }
    return status;
}

} // namespace kern
