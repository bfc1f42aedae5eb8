// The user-side C++ API of the kernel's system calls: one function per call.
// Each returns the kernel's Error (Error::none on success).
#pragma once

#include <mach/port.h>
#include <mach/syscall.h>
#include <mach/syscall_stub.h>
#include <stddef.h>
#include <stdint.h>

namespace mach {

// Writes `length` bytes of `text` to the kernel log, tagged with the task's name.
inline Error debug_write(const char* text, size_t length)
{
    return syscall6(Syscall::debug_write, reinterpret_cast<uint64_t>(text), length);
}

// Nanoseconds since boot.
inline Error clock_monotonic(uint64_t* ns)
{
    return syscall6(Syscall::clock_monotonic, reinterpret_cast<uint64_t>(ns));
}

// Sleeps at least `ns` nanoseconds (the kernel's resolution is one 10 ms tick).
inline Error thread_sleep(uint64_t ns) { return syscall6(Syscall::thread_sleep, ns); }

// Lets another ready thread of at least the same priority run.
inline Error thread_yield() { return syscall6(Syscall::thread_yield); }

// Sets the calling thread's FS base (the TLS pointer).
inline Error thread_set_fs_base(uint64_t base) { return syscall6(Syscall::thread_set_fs_base, base); }

// Ends the calling thread; the task ends with its last thread.
[[noreturn]] inline void thread_exit()
{
    syscall6(Syscall::thread_exit);
    __builtin_unreachable();
}

// Ends the calling task with `status`.
[[noreturn]] inline void task_exit(int32_t status)
{
    syscall6(Syscall::task_exit, static_cast<uint32_t>(status));
    __builtin_unreachable();
}

// The caller's own ports.
inline Error self_ports(SelfPorts* out) { return syscall6(Syscall::self_ports, reinterpret_cast<uint64_t>(out)); }

// Reserves `size` bytes of zeroed memory in `task` at *address (or anywhere with kVmAnywhere).
inline Error vm_allocate(PortName task, uint64_t* address, uint64_t size, uint32_t flags)
{
    return syscall6(Syscall::vm_allocate, task, reinterpret_cast<uint64_t>(address), size, flags);
}

// Unmaps [address, address + size) of `task`.
inline Error vm_deallocate(PortName task, uint64_t address, uint64_t size)
{
    return syscall6(Syscall::vm_deallocate, task, address, size);
}

// Sets the protection (VmProtection bits) of [address, address + size) of `task`.
inline Error vm_protect(PortName task, uint64_t address, uint64_t size, uint32_t protection)
{
    return syscall6(Syscall::vm_protect, task, address, size, protection);
}

} // namespace mach
