// Out of memory (kern/out_of_memory.h): a forked task (unprivileged) touches
// memory until none is left, while this task (a boot task: privileged)
// keeps faulting fresh pages in. The hog is killed, never this task nor a
// server nor the kernel, and its memory comes back.
//   oomtest
#include "checks.h"

using mach::PortName;
using test_checks::host_statistics;

namespace {

constexpr uint64_t kHogRegion = 16ull << 20;
constexpr uint64_t kPage = 4096;
constexpr uint64_t kChunk = 64 * 1024;

mach::SelfPorts g_self;
int g_failures = 0;

void check(bool ok, const char* what)
{
    if (!ok)
        g_failures++;
    mach::Line() << (ok ? "PASS " : "FAIL ") << what;
}

// The hog: allocates region after region of its own and touches every
// page, until it is killed.
[[noreturn]] void hog(uint64_t)
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    for (;;) {
        uint64_t region = 0;
        if (mach::vm_allocate(self.task, &region, kHogRegion, mach::kVmAnywhere) != Error::none)
            mach::task_exit(2);
        for (uint64_t offset = 0; offset < kHogRegion; offset += kPage)
            reinterpret_cast<volatile uint8_t*>(region)[offset] = 1;
    }
}

// Faults a fresh chunk in and gives it back; whether its bytes held.
bool touch_fresh_chunk()
{
    uint64_t chunk = 0;
    if (mach::vm_allocate(g_self.task, &chunk, kChunk, mach::kVmAnywhere) != Error::none)
        return false;
    auto* bytes = reinterpret_cast<volatile uint8_t*>(chunk);
    for (uint64_t offset = 0; offset < kChunk; offset += kPage)
        bytes[offset] = uint8_t(offset >> 12);
    bool held = true;
    for (uint64_t offset = 0; offset < kChunk; offset += kPage)
        held &= bytes[offset] == uint8_t(offset >> 12);
    (void)mach::vm_deallocate(g_self.task, chunk, kChunk);
    return held;
}

PortName watch(PortName name)
{
    PortName notify = 0, previous = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &notify);
    (void)mach::port_request_notification(
        g_self.task, name, mach::NotificationKind::dead_name, notify, mach::Disposition::make_send_once, &previous);
    return notify;
}

bool ended(PortName notify)
{
    mach::MessageHeader m[8] {};
    return mach::msg(m, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), notify, 0) == Error::none;
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    uint64_t free_before = host_statistics(g_self.host).free_frames;
    PortName hog_task = test_checks::fork_and_start(g_self.task, "oomhog", &hog);
    check(hog_task != 0, "hog_started");
    PortName notify = watch(hog_task);
    // Fault fresh memory in while the hog eats the rest, until it is gone.
    bool held = true;
    uint64_t rounds = 0;
    uint64_t least_free = free_before;
    for (; !ended(notify) && rounds < 200000; rounds++) {
        held &= touch_fresh_chunk();
        uint64_t free_now = host_statistics(g_self.host).free_frames;
        least_free = free_now < least_free ? free_now : least_free;
    }
    mach::Line() << "free frames: " << free_before << " before, " << least_free << " at the least";
    check(rounds < 200000, "hog_killed");
    check(least_free < free_before / 20, "hog_ate_all_memory");
    check(held, "privileged_task_kept_its_memory");
    (void)mach::port_deallocate(g_self.task, hog_task);
    for (int i = 0; i < 100 && host_statistics(g_self.host).free_frames + 64 < free_before; i++)
        (void)mach::thread_sleep(10000000);
    check(host_statistics(g_self.host).free_frames + 64 >= free_before, "hog_memory_came_back");
    check(touch_fresh_chunk(), "memory_usable_afterwards");
    mach::Line() << "done " << g_failures << " failed";
    return g_failures ? 1 : 0;
}
