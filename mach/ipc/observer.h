// What the IPC core tells the kernel glue (mach_msg, kernel objects).
//
// The core changes state; the observer reacts: it wakes waiting threads,
// and it serves messages sent to ports the kernel itself receives on.
// Every call runs inside a core operation, so an observer must not call
// back into the core except where noted.
#pragma once

namespace ipc {

class Port;
class PortSet;
class Message;

class Observer {
public:
    // A message was queued on `port` (it may be a member of a set).
    virtual void message_queued(Port& port) = 0;
    // A message left `port`'s queue: a blocked sender may retry.
    virtual void queue_space(Port& port) = 0;
    // `port`'s receive right died: its waiters must give up (port_dead).
    virtual void port_died(Port& port) = 0;
    // `port`'s receive right left its name space (moved in a message or
    // extracted): threads waiting to receive on it must look up their name again.
    virtual void port_moved(Port& port) = 0;
    // `set` was destroyed: its waiters must give up (port_set_changed).
    virtual void set_destroyed(PortSet& set) = 0;
    // A message arrived on a port the kernel serves (Port::kernel_object()).
    // The observer owns `message` from now on. It may call into the core
    // (to reply), and must destroy or keep the message.
    virtual void kernel_message(Port& port, Message* message) = 0;

protected:
    ~Observer() = default;
};

// Installs the observer (the kernel at boot; tests their own). Null: no one listens.
void set_observer(Observer* observer);
Observer* observer();

} // namespace ipc
