// The users' kernel has no self tests: they are test code, linked only into
// the self-test kernel (build/mach-selftest.elf, on build/portico-test.iso).
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/qemu.h>
#include <debug/log.h>
#include <kern/self_tests.h>

namespace kern {

void run_self_tests(const CommandLine& command_line)
{
    if (!self_tests_requested(command_line))
        return;
    // A test run ends QEMU; this one fails, as a run of an unknown test does.
    log("boot",
        "this kernel has no self tests, crashes or benchmarks (test=, crash=, bench=): "
        "they are in the self-test kernel, on build/portico-test.iso");
    arch::qemu_exit(arch::QemuExitStatus::failure);
    for (;;)
        arch::halt();
}

} // namespace kern
