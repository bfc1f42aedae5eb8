#include <arch/x86_64/exceptions.h>
#include <debug/log.h>
#include <kern/out_of_memory.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/user_fault.h>
#include <vm/address_space.h>

namespace kern {
namespace {

constexpr uint64_t kPageFaultVector = 14;
constexpr uint64_t kFaultWrite = 1u << 1;
constexpr uint64_t kFaultInstructionFetch = 1u << 4;
// The task_exit status of a task killed by a fault (as a shell shows 128 + signal).
constexpr int kFaultExitStatus = 139;

Task* current_task() { return Scheduler::running() ? Scheduler::current().task() : nullptr; }

Result<void> resolve(Task& task, uint64_t address, uint64_t error_code)
{
    if (address < vm::kUserBottom || address >= vm::kUserTop)
        return Error::bad_address;
    return task.address_space().handle_fault(address, error_code & kFaultWrite, error_code & kFaultInstructionFetch);
}

} // namespace

void handle_user_exception(arch::InterruptFrame& frame, uint64_t fault_address)
{
    Task* task = current_task();
    if (!task) {
        log("fault", "%s in user mode with no task at rip %#lx", arch::exception_name(frame.vector), frame.rip);
        Scheduler::exit_current();
    }
    if (frame.vector == kPageFaultVector) {
        Result<void> resolved = resolve(*task, fault_address, frame.error_code);
        // Out of memory: a privileged task gets another's memory (kern/out_of_memory.h).
        while (!resolved.ok() && resolved.error() == Error::no_memory && reclaim_memory_for(*task))
            resolved = resolve(*task, fault_address, frame.error_code);
        if (resolved.ok())
            return;
        log("fault", "task %s killed: %s at rip %#lx, address %#lx (%s)", task->name(),
            arch::exception_name(frame.vector), frame.rip, fault_address, error_name(resolved.error()));
    } else {
        log("fault", "task %s killed: %s at rip %#lx", task->name(), arch::exception_name(frame.vector), frame.rip);
    }
    task->kill(kFaultExitStatus);
    Scheduler::exit_current();
}

bool resolve_kernel_fault_on_user_address(uint64_t address, uint64_t error_code)
{
    Task* task = current_task();
    return task && resolve(*task, address, error_code).ok();
}

} // namespace kern
