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

} // namespace test_checks
