// Time: clock_monotonic, clock_realtime.
#include <kern/clock.h>
#include <kern/syscalls/syscalls.h>
#include <vm/address_space.h>

namespace kern {

Error sys_clock_monotonic(const SyscallArgs& args)
{
    uint64_t now = monotonic_ns();
    Result<void> copied = vm::copy_to_user(args.a0, &now, sizeof(now));
    return copied.ok() ? Error::none : copied.error();
}

Error sys_clock_realtime(const SyscallArgs& args)
{
    uint64_t now = realtime_ns();
    Result<void> copied = vm::copy_to_user(args.a0, &now, sizeof(now));
    return copied.ok() ? Error::none : copied.error();
}

} // namespace kern
