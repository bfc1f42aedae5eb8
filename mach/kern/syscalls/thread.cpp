// The calling thread: thread_sleep, thread_yield, thread_set_fs_base, thread_exit.
#include <arch/x86_64/per_cpu.h>
#include <kern/clock.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>

namespace kern {

Error sys_thread_sleep(const SyscallArgs& args)
{
    uint64_t now = monotonic_ns();
    uint64_t ns = args.a0;
    uint64_t deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
    return Scheduler::sleep_until(deadline);
}

Error sys_thread_yield(const SyscallArgs&)
{
    Scheduler::yield();
    return Error::none;
}

Error sys_thread_set_fs_base(const SyscallArgs& args)
{
    // wrmsr of a non-canonical address would fault in the kernel.
    if (!arch::is_canonical_user(args.a0))
        return Error::bad_address;
    Scheduler::current().set_fs_base(args.a0);
    arch::set_user_fs_base(args.a0);
    return Error::none;
}

Error sys_thread_exit(const SyscallArgs&) { Scheduler::exit_current(); }

} // namespace kern
