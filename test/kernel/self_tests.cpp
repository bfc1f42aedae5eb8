// The self-test kernel's side of kern/self_tests.h: the self tests (test=),
// a deliberate crash (crash=) or the benchmarks (bench=) the command line
// names; a test or bench run then ends QEMU with its outcome.
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/qemu.h>
#include <bench/kbench.h>
#include <bench/user_benches.h>
#include <kern/self_tests.h>
#include <kernel/crash_tests.h>
#include <kernel/ktest.h>

namespace {

[[noreturn]] void end_run(bool succeeded)
{
    arch::qemu_exit(succeeded ? arch::QemuExitStatus::success : arch::QemuExitStatus::failure);
    for (;;)
        arch::halt();
}

} // namespace

namespace kern {

void run_self_tests(const CommandLine& command_line)
{
    if (const char* crash = command_line.get("crash"))
        run_crash_test(crash);
    if (const char* test = command_line.get("test"))
        end_run(run_ktests(test) == 0);
    if (const char* bench = command_line.get("bench")) {
        int ran = run_kbenches(bench);
        ran += run_user_benches(bench);
        end_run(ran > 0);
    }
}

} // namespace kern
