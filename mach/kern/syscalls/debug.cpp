// debug_write: user text to the kernel log, tagged with the task's name.
#include <debug/log.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <vm/address_space.h>

namespace kern {
namespace {

constexpr size_t kMaxDebugWrite = 1024; // longer text is an error, not a long kernel stall

} // namespace

Error sys_debug_write(const SyscallArgs& args)
{
    size_t length = args.a1;
    if (length > kMaxDebugWrite)
        return Error::too_large;
    char text[kMaxDebugWrite + 1];
    Result<void> copied = vm::copy_from_user(text, args.a0, length);
    if (!copied.ok())
        return copied.error();
    // One log line per call: a trailing newline is the line's own end.
    if (length > 0 && text[length - 1] == '\n')
        --length;
    text[length] = '\0';
    Task* task = Scheduler::current().task();
    log(task ? task->name() : "kernel", "%s", text);
    return Error::none;
}

} // namespace kern
