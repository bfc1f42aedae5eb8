// Checks the system calls from user mode; prints "usertest: PASS <name>" or
// "usertest: FAIL <name>" per check and "usertest: done N failed".
#include <runtime/mach.h>
#include <runtime/print.h>
#include <runtime/syscall_stub.h>
#include <stdint.h>

namespace {

int g_failures = 0;

void check(const char* name, bool ok)
{
    mach::Line() << (ok ? "PASS " : "FAIL ") << name;
    if (!ok)
        ++g_failures;
}

constexpr uint64_t kKernelAddress = 0xffffffff80200000ull;
constexpr uint64_t kNonCanonical = 0x0000900000000000ull;

void test_bad_pointers()
{
    check("debug_write_null", mach::debug_write(nullptr, 4) == Error::bad_address);
    check("debug_write_kernel",
        mach::debug_write(reinterpret_cast<const char*>(kKernelAddress), 4) == Error::bad_address);
    check("debug_write_too_long", mach::debug_write("x", uint64_t(1) << 40) != Error::none);
    check("clock_null", mach::clock_monotonic(nullptr) == Error::bad_address);
    check("clock_kernel", mach::clock_monotonic(reinterpret_cast<uint64_t*>(kKernelAddress)) == Error::bad_address);
    check(
        "clock_noncanonical", mach::clock_monotonic(reinterpret_cast<uint64_t*>(kNonCanonical)) == Error::bad_address);
    check("self_ports_null", mach::self_ports(nullptr) == Error::bad_address);
    check("fs_base_noncanonical", mach::thread_set_fs_base(kNonCanonical) == Error::bad_address);
}

void test_unknown_calls()
{
    check("unknown_63", mach::syscall6(63) == Error::not_supported);
    check("unknown_huge", mach::syscall6(~uint64_t(0)) == Error::not_supported);
    check("unknown_40", mach::syscall6(40) == Error::not_supported);
}

void test_tls()
{
    // A static TLS block by hand: the x86-64 TCB starts with a pointer to itself.
    static uint64_t block[4] = { 0, 0, 0, 0 };
    uint64_t* tcb = &block[2];
    tcb[0] = reinterpret_cast<uint64_t>(tcb);
    check("fs_base_set", mach::thread_set_fs_base(reinterpret_cast<uint64_t>(tcb)) == Error::none);
    uint64_t self;
    asm volatile("mov %%fs:0, %0" : "=r"(self));
    check("fs_base_reads_back", self == reinterpret_cast<uint64_t>(tcb));
    (void)mach::thread_yield();
    asm volatile("mov %%fs:0, %0" : "=r"(self));
    check("fs_base_kept_across_yield", self == reinterpret_cast<uint64_t>(tcb));
}

void test_sleep()
{
    uint64_t before = 0, after = 0;
    check("clock", mach::clock_monotonic(&before) == Error::none && before > 0);
    check("sleep", mach::thread_sleep(50000000) == Error::none);
    check("clock_again", mach::clock_monotonic(&after) == Error::none);
    uint64_t slept = after - before;
    mach::Line() << "slept " << slept / 1000 << " us for 50000 us";
    check("sleep_long_enough", slept >= 50000000);
    check("sleep_not_too_long", slept < 80000000);
}

void test_vm()
{
    mach::SelfPorts ports {};
    check("self_ports", mach::self_ports(&ports) == Error::none);
    uint64_t address = 0;
    check("vm_allocate", mach::vm_allocate(ports.task, &address, 8192, mach::kVmAnywhere) == Error::none);
    auto* memory = reinterpret_cast<volatile uint64_t*>(address);
    check("vm_allocate_zeroed", address != 0 && memory[0] == 0 && memory[1023] == 0);
    memory[0] = 42;
    check("vm_memory_writable", memory[0] == 42);
    check("vm_protect_read_only", mach::vm_protect(ports.task, address, 8192, mach::kVmRead) == Error::none);
    check("vm_protect_bad_bits", mach::vm_protect(ports.task, address, 8192, 0x80) == Error::invalid_argument);
    check("vm_deallocate", mach::vm_deallocate(ports.task, address, 8192) == Error::none);
    check("vm_allocate_bad_task", mach::vm_allocate(12345, &address, 4096, mach::kVmAnywhere) == Error::invalid_name);
    check("vm_allocate_bad_out", mach::vm_allocate(ports.task, nullptr, 4096, mach::kVmAnywhere) == Error::bad_address);
    uint64_t kernel = kKernelAddress;
    check("vm_allocate_kernel_range", mach::vm_allocate(ports.task, &kernel, 4096, 0) != Error::none);
}

} // namespace

int main(int, char**, char**)
{
    test_bad_pointers();
    test_unknown_calls();
    test_tls();
    test_sleep();
    test_vm();
    mach::Line() << "done " << g_failures << " failed";
    return g_failures;
}
