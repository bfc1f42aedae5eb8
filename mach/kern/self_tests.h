// The seam between the kernel and its self tests. A boot whose command line
// names a self test, a crash or a benchmark (test=, crash=, bench=) is a test
// run. The self-test kernel (build/mach-selftest.elf) links test/kernel/'s
// runner, which defines run_self_tests; the users' kernel (build/mach.elf)
// links mach/kern/no_self_tests.cpp instead, which has none to run.
#pragma once

#include <boot/cmdline.h>

namespace kern {

// Whether the command line asks for a test run (a panic then ends QEMU too).
inline bool self_tests_requested(const CommandLine& command_line)
{
    return command_line.has("test") || command_line.has("crash") || command_line.has("bench");
}

// Runs what the command line asks for and ends QEMU; returns at once when it
// asks for nothing. Needs memory, the timer, the scheduler and IPC set up.
void run_self_tests(const CommandLine& command_line);

} // namespace kern
