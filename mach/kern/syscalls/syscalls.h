// System call handlers, one group per file in this folder. Each gets the
// six argument registers (rdi, rsi, rdx, r10, r8, r9) and returns the Error
// that goes back in rax; results go out through checked user pointers.
#pragma once

#include <mach/error.h>
#include <mach/port.h>
#include <mach/syscall.h>
#include <stdint.h>

namespace kern {

class Task;

struct SyscallArgs {
    uint64_t a0, a1, a2, a3, a4, a5;
};

using SyscallHandler = Error (*)(const SyscallArgs&);

// time.cpp
Error sys_clock_monotonic(const SyscallArgs& args);
Error sys_clock_realtime(const SyscallArgs& args);
// thread.cpp
Error sys_thread_sleep(const SyscallArgs& args);
Error sys_thread_yield(const SyscallArgs& args);
Error sys_thread_set_fs_base(const SyscallArgs& args);
Error sys_thread_exit(const SyscallArgs& args);
// task.cpp
Error sys_task_exit(const SyscallArgs& args);
Error sys_self_ports(const SyscallArgs& args);
// debug.cpp
Error sys_debug_write(const SyscallArgs& args);
// vm.cpp
Error sys_vm_allocate(const SyscallArgs& args);
Error sys_vm_deallocate(const SyscallArgs& args);
Error sys_vm_protect(const SyscallArgs& args);

// memory_object.cpp
Error sys_memory_object_create(const SyscallArgs& args);
Error sys_vm_map(const SyscallArgs& args);
// msg.cpp
Error sys_msg(const SyscallArgs& args);
// port.cpp
// The port calls (port_allocate .. port_identify): one handler, told which call.
Error sys_port_call(mach::Syscall call, const SyscallArgs& args);

// The task that a send right named `name` in `caller` stands for (its task
// port), or null. Call with interrupts off: the task stays valid while
// they stay off (task_name.cpp).
Task* task_from_name(Task& caller, mach::PortName name);

} // namespace kern
