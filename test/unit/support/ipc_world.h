// Host support for IPC core tests and the fuzzer: malloc-backed memory for
// the core, a fake out-of-line memory, an observer that records events,
// and helpers that build, send and receive messages the way mach_msg does.
#pragma once

#include <ipc/account.h>
#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/observer.h>
#include <ipc/port.h>
#include <ipc/transfer.h>
#include <mach/message.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

namespace test_support {

class MallocPages final : public freestanding::PageProvider {
public:
    Result<void*> allocate_page() override { return std::aligned_alloc(4096, 4096); }
    void free_page(void* page) override { std::free(page); }
};

class MallocBlocks final : public ipc::BlockAllocator {
public:
    Result<void*> allocate(size_t size) override
    {
        if (m_fail_after == 0)
            return Error::no_memory;
        if (m_fail_after > 0)
            m_fail_after--;
        m_live++;
        return std::aligned_alloc(16, (size + 15) & ~size_t(15));
    }
    void free(void* block) override
    {
        if (block)
            m_live--;
        std::free(block);
    }
    size_t footprint(size_t size) const override { return (size + 15) & ~size_t(15); }
    // Fails every allocation after `count` more succeed (-1: never).
    void fail_after(long count) { m_fail_after = count; }
    long live() const { return m_live; }

private:
    long m_fail_after = -1;
    long m_live = 0;
};

// Out-of-line memory faked as byte vectors: "addresses" in a task are keys of `memory`.
class FakeOutOfLine final : public ipc::OutOfLineMemory {
public:
    std::map<uint64_t, std::vector<uint8_t>> memory; // the current task's regions by address
    std::map<uint64_t, std::vector<uint8_t>> snapshots;
    uint64_t next_handle = 1;
    uint64_t next_address = 0x100000;
    bool fail_capture = false;
    bool fail_deliver = false;

    Result<uint64_t> capture(uint64_t address, uint32_t size) override
    {
        auto region = memory.find(address);
        if (fail_capture || region == memory.end() || region->second.size() < size)
            return Error::bad_address;
        snapshots[next_handle] = std::vector<uint8_t>(region->second.begin(), region->second.begin() + size);
        return next_handle++;
    }
    void remove_from_sender(uint64_t address, uint32_t) override { memory.erase(address); }
    Result<uint64_t> deliver(uint64_t handle, uint32_t) override
    {
        if (fail_deliver)
            return Error::no_memory;
        uint64_t address = next_address;
        next_address += 0x10000;
        memory[address] = std::move(snapshots.at(handle));
        snapshots.erase(handle);
        return address;
    }
    void discard(uint64_t handle, uint32_t) override { snapshots.erase(handle); }
};

class RecordingObserver final : public ipc::Observer {
public:
    int queued = 0, space = 0, died = 0, moved = 0, sets_destroyed = 0;
    std::vector<ipc::Message*> kernel_messages;

    void message_queued(ipc::Port&) override { queued++; }
    void queue_space(ipc::Port&) override { space++; }
    void port_died(ipc::Port&) override { died++; }
    void port_moved(ipc::Port&) override { moved++; }
    void set_destroyed(ipc::PortSet&) override { sets_destroyed++; }
    void kernel_message(ipc::Port&, ipc::Message* message) override { kernel_messages.push_back(message); }
};

// The process-wide IPC memory, set up once.
MallocBlocks& ipc_blocks();
// ipc::init over malloc, the first time it is called (IpcWorld, the fuzzers).
void set_up_ipc_once();
FakeOutOfLine& fake_out_of_line();
RecordingObserver& recording_observer();

// Every IPC test starts from nothing and must end with nothing alive.
class IpcWorld {
public:
    IpcWorld();
    ~IpcWorld();
};

// A message as a test builds it or receives it.
struct TestMessage {
    mach::MessageHeader header {};
    std::vector<mach::Descriptor> descriptors;
    std::vector<uint8_t> body;

    TestMessage& to(mach::PortName name, mach::Disposition disposition);
    TestMessage& reply_to(mach::PortName name, mach::Disposition disposition);
    TestMessage& with_id(uint32_t id);
    TestMessage& with_port(mach::PortName name, mach::Disposition disposition);
    TestMessage& with_region(uint64_t address, uint32_t size, bool deallocate = false);
    TestMessage& with_body(const void* data, size_t size);
    // The user-format bytes (header.size set).
    std::vector<uint8_t> bytes() const;
    static TestMessage parse(const std::vector<uint8_t>& bytes);
};

// copy-in + send, as mach_msg's send half does it.
Error send_message(ipc::NameSpace& sender, const TestMessage& message);
// take + copy-out from `name`, as mach_msg's receive half does it; `status`
// is the receive's result (Error::timed_out when nothing was queued).
Error receive_message(ipc::NameSpace& receiver, mach::PortName name, TestMessage& out, uint32_t buffer_size = 65536);

// Two tasks' name spaces: the server receives on `service`, the client
// holds a send right to it (`service_send`).
struct ClientServer {
    ipc::NameSpace* client;
    ipc::NameSpace* server;
    mach::PortName service;
    mach::PortName service_send;
    ClientServer();
    ~ClientServer();
};

// Shorthands.
mach::PortName new_receive_right(ipc::NameSpace& space);
mach::RightType type_of(ipc::NameSpace& space, mach::PortName name);
uint32_t references_of(ipc::NameSpace& space, mach::PortName name);
mach::NotificationBody notification_body(const TestMessage& message);

} // namespace test_support
