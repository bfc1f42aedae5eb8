// What the test programs share: PASS/FAIL lines the system tests read,
// the final "done N failed" line, and small text helpers (there is no libc).
#pragma once

#include <freestanding/text.h>
#include <fs_client/client.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace test_checks {

inline int g_failures = 0;

// Logs "PASS what" or "FAIL what" and counts failures.
inline void check(bool ok, const char* what)
{
    if (!ok)
        g_failures++;
    mach::Line() << (ok ? "PASS " : "FAIL ") << what;
}

// Logs "done N failed"; the task's exit status is N.
inline int finish()
{
    mach::Line() << "done " << int64_t(g_failures) << " failed";
    return g_failures;
}

using freestanding::same_text;

// Whether the file at `path` (from `root`) reads exactly `expected` (at most 63 bytes).
inline bool reads(mach::PortName root, const char* path, const char* expected)
{
    Result<mach::PortName> file = fs::client::open(root, root, path, fs::kRead);
    if (!file.ok())
        return false;
    char text[64] = {};
    Result<uint32_t> got = fs::client::read(file.value(), text, sizeof(text) - 1);
    fs::client::close(file.value());
    return got.ok() && same_text(text, expected);
}

// A decimal number at the start of `text` (0 if none).
inline uint64_t parse_decimal(const char* text)
{
    uint64_t value = 0;
    while (text && *text >= '0' && *text <= '9')
        value = value * 10 + uint64_t(*text++ - '0');
    return value;
}

// The kernel's object counts, read through the host port.
inline mach::HostStatistics host_statistics(mach::PortName host)
{
    mach::HostStatistics stats {};
    (void)mach::kernel_call(host, mach::KernelCall::host_statistics, nullptr, 0, &stats, sizeof(stats));
    return stats;
}

// Forks `task` (its memory copied, as fork does) as `name` and starts a
// thread in the child at `entry` on a new 16 KiB stack of the parent's
// (copied with the rest): the child's task port, or 0.
inline mach::PortName fork_and_start(mach::PortName task, const char* name, void (*entry)(uint64_t))
{
    uint64_t stack = 0;
    if (mach::vm_allocate(task, &stack, 16384, mach::kVmAnywhere) != Error::none)
        return 0;
    mach::TaskForkRequest fork {};
    for (size_t i = 0; name[i] && i + 1 < sizeof(fork.name); i++)
        fork.name[i] = name[i];
    fork.flags = mach::kForkMemory;
    mach::PortName child = 0, thread = 0;
    if (mach::kernel_call(task, mach::KernelCall::task_fork, &fork, sizeof(fork), nullptr, 0, &child) != Error::none)
        return 0;
    // The stack's top as after a call: the ABI's alignment.
    mach::ThreadCreateRequest start { reinterpret_cast<uint64_t>(entry), stack + 16384 - 8, 0, 0 };
    if (mach::kernel_call(child, mach::KernelCall::thread_create, &start, sizeof(start), nullptr, 0, &thread)
        != Error::none)
        return 0;
    return child;
}

} // namespace test_checks
