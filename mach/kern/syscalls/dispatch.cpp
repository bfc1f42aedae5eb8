// The system call table and syscall_dispatch, called by syscall_entry.S.
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/per_cpu.h>
#include <arch/x86_64/syscall_frame.h>
#include <debug/log.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <mach/syscall.h>

namespace kern {
namespace {

using mach::Syscall;

// The table's handler for one port call.
template <Syscall call> Error port_call(const SyscallArgs& args) { return sys_port_call(call, args); }

struct TableEntry {
    Syscall number;
    SyscallHandler handler;
};

constexpr TableEntry kEntries[] = {
    { Syscall::msg, sys_msg },
    { Syscall::self_ports, sys_self_ports },
    { Syscall::port_allocate, port_call<Syscall::port_allocate> },
    { Syscall::port_deallocate, port_call<Syscall::port_deallocate> },
    { Syscall::port_destroy, port_call<Syscall::port_destroy> },
    { Syscall::port_mod_refs, port_call<Syscall::port_mod_refs> },
    { Syscall::port_insert_right, port_call<Syscall::port_insert_right> },
    { Syscall::port_extract_right, port_call<Syscall::port_extract_right> },
    { Syscall::port_move_member, port_call<Syscall::port_move_member> },
    { Syscall::port_request_notification, port_call<Syscall::port_request_notification> },
    { Syscall::port_make_send_with_payload, port_call<Syscall::port_make_send_with_payload> },
    { Syscall::port_set_queue_limit, port_call<Syscall::port_set_queue_limit> },
    { Syscall::port_type, port_call<Syscall::port_type> },
    { Syscall::port_identify, port_call<Syscall::port_identify> },
    { Syscall::vm_allocate, sys_vm_allocate },
    { Syscall::vm_deallocate, sys_vm_deallocate },
    { Syscall::vm_protect, sys_vm_protect },
    { Syscall::vm_map, sys_vm_map },
    { Syscall::memory_object_create, sys_memory_object_create },
    { Syscall::clock_monotonic, sys_clock_monotonic },
    { Syscall::clock_realtime, sys_clock_realtime },
    { Syscall::thread_sleep, sys_thread_sleep },
    { Syscall::thread_yield, sys_thread_yield },
    { Syscall::thread_set_fs_base, sys_thread_set_fs_base },
    { Syscall::thread_exit, sys_thread_exit },
    { Syscall::task_exit, sys_task_exit },
    { Syscall::debug_write, sys_debug_write },
};

constexpr size_t kTableSize = 64;

// Indexed by call number; null: not supported.
struct Table {
    SyscallHandler handlers[kTableSize] = {};
    constexpr Table()
    {
        for (const TableEntry& entry : kEntries)
            handlers[static_cast<uint64_t>(entry.number)] = entry.handler;
    }
};

constexpr Table kTable;

Error call(uint64_t number, const SyscallArgs& args)
{
    if (number >= kTableSize || !kTable.handlers[number])
        return Error::not_supported;
    return kTable.handlers[number](args);
}

} // namespace
} // namespace kern

extern "C" void syscall_dispatch(arch::SyscallFrame* frame)
{
    arch::enable_interrupts();
    kern::SyscallArgs args { frame->rdi, frame->rsi, frame->rdx, frame->r10, frame->r8, frame->r9 };
    frame->rax = static_cast<uint64_t>(kern::call(frame->rax, args));
    kern::Thread& self = kern::Scheduler::current();
    // sysret to a non-canonical rip would fault in kernel mode (the SYSRET
    // erratum): only a `syscall` at the very top of user space returns there.
    if (!arch::is_canonical_user(frame->rip)) {
        kern::log("fault", "thread %s killed: system call returns to non-canonical rip %#lx", self.name(), frame->rip);
        kern::Scheduler::exit_current();
    }
    // A thread the call woke may outrank the caller.
    kern::Scheduler::preempt_if_needed();
    if (self.kill_pending())
        kern::Scheduler::exit_current();
    arch::disable_interrupts();
}
