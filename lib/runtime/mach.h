// The user-side C++ API of the kernel's system calls: one function per call.
// Each returns the kernel's Error (Error::none on success).
#pragma once

#include <mach/message.h>
#include <mach/port.h>
#include <mach/syscall.h>
#include <runtime/syscall_stub.h>
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
inline Error clock_realtime(uint64_t* ns) { return syscall6(Syscall::clock_realtime, reinterpret_cast<uint64_t>(ns)); }

inline Error thread_sleep(uint64_t ns) { return syscall6(Syscall::thread_sleep, ns); }

// Lets another ready thread of at least the same priority run.
inline Error thread_yield() { return syscall6(Syscall::thread_yield); }

// Sets the calling thread's FS base (the TLS pointer).
inline Error thread_set_fs_base(uint64_t base) { return syscall6(Syscall::thread_set_fs_base, base); }

// After a system call that cannot return: it did, so this is not Portico
// (a Portico program run on the build host, as autoconf's "are we cross
// compiling?" probe does). An invalid instruction ends it at once, instead
// of running on into whatever code follows.
[[noreturn]] inline void never_returned()
{
    for (;;)
        asm volatile("ud2");
}

// Ends the calling thread; the task ends with its last thread.
[[noreturn]] inline void thread_exit()
{
    (void)syscall6(Syscall::thread_exit); // returns only if the call is broken
    never_returned();
}

// Ends the calling task with `status`.
[[noreturn]] inline void task_exit(int32_t status)
{
    (void)syscall6(Syscall::task_exit, static_cast<uint32_t>(status)); // returns only if the call is broken
    never_returned();
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

// Maps `size` bytes of the shared memory object `object` from `offset` into
// `task` at *address (or anywhere with kVmAnywhere), with VmProtection bits.
inline Error vm_map(PortName task, uint64_t* address, uint64_t size, PortName object, uint64_t offset, uint32_t flags,
    uint32_t protection)
{
    return syscall6(
        Syscall::vm_map, task, reinterpret_cast<uint64_t>(address), size, object, offset, flags | (protection << 8));
}

// A new shared memory object of `size` bytes (zero-filled); *object names a send right to it.
inline Error memory_object_create(uint64_t size, PortName* object)
{
    return syscall6(Syscall::memory_object_create, size, reinterpret_cast<uint64_t>(object));
}

// Sends the message in `buffer` (send_size bytes) and/or receives into it
// (at most receive_limit bytes) from `receive_from`, per `options`
// (MessageOption bits); timeouts apply where kSendTimeout/kReceiveTimeout is set.
inline Error msg(MessageHeader* buffer, uint32_t options, uint32_t send_size, uint32_t receive_limit,
    PortName receive_from, uint64_t timeout_ns = kWaitForever)
{
    return syscall6(
        Syscall::msg, reinterpret_cast<uint64_t>(buffer), options, send_size, receive_limit, receive_from, timeout_ns);
}

// The port calls on the name space of `task` (see mach/syscall.h).
inline Error port_allocate(PortName task, RightType type, PortName* name)
{
    return syscall6(Syscall::port_allocate, task, uint32_t(type), reinterpret_cast<uint64_t>(name));
}
inline Error port_deallocate(PortName task, PortName name) { return syscall6(Syscall::port_deallocate, task, name); }
inline Error port_destroy(PortName task, PortName name) { return syscall6(Syscall::port_destroy, task, name); }
inline Error port_mod_refs(PortName task, PortName name, RightType type, int32_t delta)
{
    return syscall6(Syscall::port_mod_refs, task, name, uint32_t(type), uint64_t(int64_t(delta)));
}
inline Error port_insert_right(PortName task, PortName name, PortName right, Disposition disposition)
{
    return syscall6(Syscall::port_insert_right, task, name, right, uint8_t(disposition));
}
inline Error port_extract_right(PortName task, PortName name, Disposition disposition, PortName* out)
{
    return syscall6(Syscall::port_extract_right, task, name, uint8_t(disposition), reinterpret_cast<uint64_t>(out));
}
inline Error port_move_member(PortName task, PortName member, PortName set)
{
    return syscall6(Syscall::port_move_member, task, member, set);
}
inline Error port_request_notification(PortName task, PortName name, NotificationKind kind, PortName notify,
    Disposition notify_disposition, PortName* previous)
{
    return syscall6(Syscall::port_request_notification, task, name, uint32_t(kind), notify, uint8_t(notify_disposition),
        reinterpret_cast<uint64_t>(previous));
}
inline Error port_make_send_with_payload(PortName task, PortName receive, uint64_t payload, PortName* send)
{
    return syscall6(Syscall::port_make_send_with_payload, task, receive, payload, reinterpret_cast<uint64_t>(send));
}
inline Error port_set_queue_limit(PortName task, PortName name, uint32_t limit)
{
    return syscall6(Syscall::port_set_queue_limit, task, name, limit);
}
inline Error port_identify(PortName task, PortName name, PortName* receive, uint64_t* payload)
{
    return syscall6(
        Syscall::port_identify, task, name, reinterpret_cast<uint64_t>(receive), reinterpret_cast<uint64_t>(payload));
}
inline Error port_type(PortName task, PortName name, RightType* type, uint32_t* references)
{
    return syscall6(
        Syscall::port_type, task, name, reinterpret_cast<uint64_t>(type), reinterpret_cast<uint64_t>(references));
}

// Whether `name` names a receive right in `task` (false if it names nothing).
inline bool is_receive_right(PortName task, PortName name)
{
    RightType type {};
    uint32_t references = 0;
    return name != kNullName && port_type(task, name, &type, &references) == Error::none
        && has_right(type, RightType::receive);
}

} // namespace mach
