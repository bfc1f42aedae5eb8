// Memory through IPC and shared objects, in one task:
//  - out-of-line data arrives in a new place with the same bytes, and the
//    two copies part ways on the first write (copy-on-write);
//  - `deallocate` takes the pages from the sender;
//  - a region that does not start on a page keeps its offset;
//  - a shared memory object mapped twice shows one write in both places;
//  - every frame comes back when all is unmapped.
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;
using namespace test_checks;

namespace {

mach::SelfPorts g_self;
constexpr uint64_t kSize = 64 * 1024;

struct OolMessage {
    mach::MessageHeader header;
    mach::Descriptor region;
};

uint8_t* allocate(uint64_t size)
{
    uint64_t address = 0;
    (void)mach::vm_allocate(g_self.task, &address, size, mach::kVmAnywhere);
    return reinterpret_cast<uint8_t*>(address);
}

// Sends [data, data + size) to `port` out of line and receives it back.
uint8_t* round_trip(PortName port, const uint8_t* data, uint32_t size, bool deallocate)
{
    OolMessage m {};
    m.header.destination = port;
    m.header.destination_disposition = Disposition::make_send;
    m.header.size = sizeof(m);
    m.header.descriptor_count = 1;
    m.region.out_of_line
        = { mach::DescriptorType::out_of_line, uint8_t(deallocate), 0, size, reinterpret_cast<uint64_t>(data) };
    if (mach::msg(&m.header, mach::kSend, sizeof(m), 0, 0) != Error::none)
        return nullptr;
    if (mach::msg(&m.header, mach::kReceive, 0, sizeof(m), port) != Error::none || m.region.out_of_line.size != size)
        return nullptr;
    return reinterpret_cast<uint8_t*>(m.region.out_of_line.address);
}

bool all_equal(const uint8_t* a, const uint8_t* b, uint64_t size)
{
    for (uint64_t i = 0; i < size; i++) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

void check_out_of_line(PortName port)
{
    uint8_t* original = allocate(kSize);
    for (uint64_t i = 0; i < kSize; i++)
        original[i] = uint8_t(i * 7);
    uint8_t* copy = round_trip(port, original, kSize, false);
    check(copy && copy != original && all_equal(copy, original, kSize), "ool_bytes_arrive");
    if (!copy)
        return;
    copy[100] = 0xaa;
    original[200] = 0xbb;
    check(original[100] == uint8_t(100 * 7) && copy[200] == uint8_t(200 * 7), "ool_copies_part_on_write");
    check(copy[100] == 0xaa && original[200] == 0xbb, "ool_writes_kept");
    (void)mach::vm_deallocate(g_self.task, reinterpret_cast<uint64_t>(copy), kSize);

    uint8_t* moved = round_trip(port, original, kSize, true);
    check(moved && moved[200] == 0xbb, "ool_deallocate_moves");
    // The sender's pages are gone: the arrival may even have landed in their place.
    uint64_t again = reinterpret_cast<uint64_t>(original);
    bool freed = moved == original || mach::vm_allocate(g_self.task, &again, kSize, 0) == Error::none;
    check(freed, "ool_sender_range_freed");
    if (moved != original)
        (void)mach::vm_deallocate(g_self.task, again, kSize);
    if (moved)
        (void)mach::vm_deallocate(g_self.task, reinterpret_cast<uint64_t>(moved), kSize);

    uint8_t* page = allocate(8192);
    for (int i = 0; i < 100; i++)
        page[4000 + i] = uint8_t(i + 1);
    uint8_t* odd = round_trip(port, page + 4000, 100, false);
    check(odd && (reinterpret_cast<uint64_t>(odd) % 4096) == 4000 && all_equal(odd, page + 4000, 100),
        "ool_unaligned_region");
    if (odd)
        (void)mach::vm_deallocate(g_self.task, reinterpret_cast<uint64_t>(odd) - 4000, 8192);
    (void)mach::vm_deallocate(g_self.task, reinterpret_cast<uint64_t>(page), 8192);
    check(round_trip(port, reinterpret_cast<uint8_t*>(0x5000000), 4096, false) == nullptr, "ool_unmapped_refused");
}

void check_shared_memory()
{
    PortName object = 0;
    check(mach::memory_object_create(3 * 4096, &object) == Error::none, "object_created");
    PortName empty = 0;
    check(mach::memory_object_create(0, &empty) == Error::invalid_argument, "empty_object_refused");
    uint64_t first = 0, second = 0;
    uint32_t rw = mach::kVmRead | mach::kVmWrite;
    Error one = mach::vm_map(g_self.task, &first, 3 * 4096, object, 0, mach::kVmAnywhere, rw);
    Error two = mach::vm_map(g_self.task, &second, 2 * 4096, object, 4096, mach::kVmAnywhere, rw);
    check(one == Error::none && two == Error::none, "object_mapped_twice");
    if (one != Error::none || two != Error::none)
        return;
    reinterpret_cast<volatile uint8_t*>(first)[4096 + 10] = 0x5a;
    check(reinterpret_cast<volatile uint8_t*>(second)[10] == 0x5a, "write_seen_through_other_mapping");
    check(mach::vm_map(g_self.task, &first, 4 * 4096, object, 0, mach::kVmAnywhere, rw) == Error::invalid_argument,
        "mapping_past_the_end_refused");
    check(mach::vm_map(g_self.task, &first, 4096, g_self.task, 0, mach::kVmAnywhere, rw) == Error::invalid_name,
        "task_port_is_no_object");
    // Sent out of line, shared memory is copied as it is now, even pages
    // this mapping never touched itself (written through the other one).
    reinterpret_cast<volatile uint8_t*>(first)[2 * 4096 + 5] = 0x77;
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    uint8_t* sent = round_trip(port, reinterpret_cast<uint8_t*>(second), 2 * 4096, false);
    check(sent && sent[4096 + 5] == 0x77 && sent[10] == 0x5a, "shared_memory_sent_as_it_is");
    if (sent)
        (void)mach::vm_deallocate(g_self.task, reinterpret_cast<uint64_t>(sent), 2 * 4096);
    (void)mach::port_destroy(g_self.task, port);
    // Dropping the name leaves the mappings working.
    (void)mach::port_deallocate(g_self.task, object);
    reinterpret_cast<volatile uint8_t*>(second)[20] = 0x33;
    check(reinterpret_cast<volatile uint8_t*>(first)[4096 + 20] == 0x33, "mappings_outlive_the_name");
    (void)mach::vm_deallocate(g_self.task, first, 3 * 4096);
    (void)mach::vm_deallocate(g_self.task, second, 2 * 4096);
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    // Warm up what the kernel allocates once (caches, page tables) before taking the baseline.
    check_out_of_line(port);
    check_shared_memory();
    g_failures = 0;
    mach::HostStatistics baseline = host_statistics(g_self.host);
    check_out_of_line(port);
    check_shared_memory();
    mach::HostStatistics after = host_statistics(g_self.host);
    mach::Line() << "free frames " << after.free_frames << " (baseline " << baseline.free_frames << ")";
    check(after.free_frames == baseline.free_frames && after.ports == baseline.ports,
        "frames_and_ports_back_to_baseline");
    return finish();
}
