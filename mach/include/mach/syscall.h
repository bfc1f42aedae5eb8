// The system call interface (part of the ABI).
//
// A user thread enters the kernel with the `syscall` instruction: the call's
// number in rax, arguments in rdi, rsi, rdx, r10, r8, r9 (as Linux does, so
// that rcx and r11 are free for the instruction itself). The kernel returns
// an Error in rax (0: success); calls that produce a value write it through
// an output pointer, which the kernel checks like any user pointer.
//
// Most operations on kernel objects are messages to their ports (see
// mach/kernel_objects.h); the calls below are the hot ones and those a task
// needs before it can send a message at all.
#pragma once

#include <stdint.h>

namespace mach {

enum class Syscall : uint64_t {
    // mach_msg(MessageHeader* buffer, uint32_t options, uint32_t send_size,
    //          uint32_t receive_limit, PortName receive_from, uint64_t timeout_ns)
    msg = 0,

    // The caller's own ports: self_ports(SelfPorts* out).
    self_ports = 1,

    // Port calls on the name space of `task` (a send right to a task port;
    // the task's own is in SelfPorts).
    // port_allocate(task, RightType type (receive | port_set | dead_name), PortName* name)
    port_allocate = 2,
    // port_deallocate(task, name): drops one user reference of a send,
    // send-once or dead-name right.
    port_deallocate = 3,
    // port_destroy(task, name): removes the name and every right it holds.
    port_destroy = 4,
    // port_mod_refs(task, name, RightType one_type, int32_t delta)
    port_mod_refs = 5,
    // port_insert_right(task, PortName name_in_task, PortName right_in_caller, Disposition)
    port_insert_right = 6,
    // port_extract_right(task, name, Disposition, PortName* name_in_caller)
    port_extract_right = 7,
    // port_move_member(task, PortName member, PortName set): set = kNullName removes it from its set.
    port_move_member = 8,
    // port_request_notification(task, name, NotificationKind, PortName notify,
    //                           Disposition notify_disposition, PortName* previous)
    port_request_notification = 9,
    // port_make_send_with_payload(task, PortName receive, uint64_t payload, PortName* send):
    // a new send right to the port carrying `payload` on every message. A
    // payload is nonzero and at most kMaxPayload (48 bits: a server's
    // pointer fits), so that the kernel's record of it stays 16 bytes.
    port_make_send_with_payload = 10,
    // port_set_queue_limit(task, name, uint32_t limit)
    port_set_queue_limit = 11,
    // port_type(task, name, RightType* type, uint32_t* send_references)
    port_type = 12,
    // port_identify(task, name, PortName* receive, uint64_t* payload): for a
    // send right whose port's receive right the task holds too (a right a
    // client handed back to the server that made it): that receive right's
    // name and the right's payload (0: a plain right). not_found otherwise.
    port_identify = 13,

    // Virtual memory of `task`.
    // vm_allocate(task, uint64_t* address, uint64_t size, uint32_t flags (VmFlags))
    vm_allocate = 16,
    // vm_deallocate(task, uint64_t address, uint64_t size)
    vm_deallocate = 17,
    // vm_protect(task, uint64_t address, uint64_t size, uint32_t protection (VmProtection))
    vm_protect = 18,
    // vm_map(task, uint64_t* address, uint64_t size, PortName memory_object,
    //        uint64_t offset, uint32_t flags | protection << 8)
    vm_map = 19,
    // memory_object_create(uint64_t size, PortName* object): shared anonymous memory
    memory_object_create = 20,

    // Threads and time.
    // clock_monotonic(uint64_t* ns)
    clock_monotonic = 24,
    // thread_sleep(uint64_t ns)
    thread_sleep = 25,
    // thread_yield()
    thread_yield = 26,
    // thread_set_fs_base(uint64_t base): the calling thread's TLS pointer
    thread_set_fs_base = 27,
    // thread_exit(): ends the calling thread (the task ends with its last thread)
    thread_exit = 28,
    // task_exit(int32_t status): ends the calling task
    task_exit = 29,
    // clock_realtime(uint64_t* ns): the wall clock, nanoseconds since the Unix epoch (UTC)
    clock_realtime = 30,

    // debug_write(const char* text, uint64_t length): to the kernel log, tagged with the task's name
    debug_write = 32,
};

constexpr uint64_t kMaxPayload = (1ull << 48) - 1;

// What self_ports returns: send rights the task always holds.
// Each call adds a user reference to the task, thread and host names.
struct SelfPorts {
    uint32_t task; // the task's own task port
    uint32_t thread; // the calling thread's thread port
    uint32_t bootstrap; // what the task's creator handed it (kNullName if nothing)
    uint32_t host; // the host port: kernel statistics (anyone may hold it)
    uint32_t device; // the device port: only the first boot task gets it (else kNullName)
    uint32_t reserved;
};

enum VmFlags : uint32_t {
    kVmAnywhere = 1u << 0, // place it anywhere (else exactly at *address)
    // vm_map: a private copy of the object's pages (copy-on-write), not
    // the object itself: the memory is the task's own, as allocated memory is.
    kVmCopy = 1u << 1,
};

enum VmProtection : uint32_t {
    kVmRead = 1u << 0,
    kVmWrite = 1u << 1,
    kVmExecute = 1u << 2,
};

} // namespace mach
