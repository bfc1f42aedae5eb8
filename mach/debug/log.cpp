#include <debug/format.h>
#include <debug/log.h>
#include <freestanding/spinlock.h>
#include <kern/clock.h>

namespace kern {
namespace {

constexpr size_t kMaxSinks = 4;
constexpr size_t kMaxLine = 512;

LogSink* g_sinks[kMaxSinks];
size_t g_sink_count = 0;
// Keeps lines from different CPUs (or an interrupt) from interleaving.
freestanding::Spinlock g_log_lock;

void write_to_sinks(const char* text, size_t length)
{
    for (size_t i = 0; i < g_sink_count; ++i)
        g_sinks[i]->write(text, length);
}

} // namespace

void add_log_sink(LogSink& sink)
{
    freestanding::SpinlockGuard guard(g_log_lock);
    if (g_sink_count < kMaxSinks)
        g_sinks[g_sink_count++] = &sink;
}

void vlog(const char* subsystem, const char* format, va_list args)
{
    char line[kMaxLine];
    uint64_t ns = monotonic_ns();
    size_t length
        = format_string(line, sizeof(line), "[%5lu.%06lu] %s: ", ns / 1000000000, (ns / 1000) % 1000000, subsystem);
    if (length < sizeof(line))
        length += vformat_string(line + length, sizeof(line) - length, format, args);
    if (length > sizeof(line) - 2)
        length = sizeof(line) - 2; // truncated: still end the line
    line[length++] = '\n';
    line[length] = '\0';

    freestanding::SpinlockGuard guard(g_log_lock);
    write_to_sinks(line, length);
}

void log(const char* subsystem, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    vlog(subsystem, format, args);
    va_end(args);
}

void log_raw(const char* text, size_t length)
{
    // A panic must get its report out even if the lock is held by the code
    // that panicked, so raw writes do not take it.
    write_to_sinks(text, length);
}

} // namespace kern
