// PortSet: ports received from as one. A thread receiving on a set gets
// the next message of any member; members take turns so that a busy port
// cannot starve the others. A port belongs to at most one set; it leaves
// the set when it dies or its receive right moves to another task.
//
// Ownership: the name space entry of the set owns it; destroying it frees
// the set and leaves its members alone.
#pragma once

#include <freestanding/result.h>
#include <ipc/wait_slot.h>
#include <stddef.h>

namespace ipc {

class Port;
class NameSpace;

class PortSet {
public:
    static constexpr const char* kCacheName = "ipc.portset";

    static Result<PortSet*> create(NameSpace& owner);
    // Removes every member and frees the set (its waiters are told first).
    static void destroy(PortSet* set);

    explicit PortSet(NameSpace& owner)
        : m_owner(&owner)
    {
    }
    PortSet(const PortSet&) = delete;
    PortSet& operator=(const PortSet&) = delete;

    NameSpace& owner() const { return *m_owner; }

    // Adds `port` (leaving any previous set).
    void add(Port& port);
    // Removes `port`, which must be a member.
    void remove(Port& port);
    // The member with the oldest turn that has a message, or null.
    Port* next_ready() const;
    // Moves `port` to the back of the turn order (after it was served).
    void rotate_past(Port& port);

    WaitSlot& wait_slot() { return m_wait; }

private:
    NameSpace* m_owner;
    Port* m_first = nullptr;
    Port* m_last = nullptr;
    WaitSlot m_wait;
};

} // namespace ipc
