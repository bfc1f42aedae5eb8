// System call handlers, one group per file in this folder. Each gets the
// six argument registers (rdi, rsi, rdx, r10, r8, r9) and returns the Error
// that goes back in rax; results go out through checked user pointers.
#pragma once

#include <mach/error.h>
#include <mach/port.h>
#include <stdint.h>

namespace kern {

class Task;

struct SyscallArgs {
    uint64_t a0, a1, a2, a3, a4, a5;
};

using SyscallHandler = Error (*)(const SyscallArgs&);

// time.cpp
Error sys_clock_monotonic(const SyscallArgs& args);
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

// The task a port name in `caller` stands for (task_name.cpp), or null.
Task* task_from_name(Task& caller, mach::PortName name);
// The name self_ports reports for `task`'s own task port.
mach::PortName task_self_name(Task& task);

} // namespace kern
