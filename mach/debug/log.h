// The kernel log. Every line carries a timestamp (seconds since boot) and
// the tag of the subsystem that wrote it:
//   [    1.234567] mem: 253 MiB usable
// Lines go to every registered sink (serial port, framebuffer console).
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace kern {

// Something that displays log text: the serial port, a framebuffer console.
class LogSink {
public:
    virtual void write(const char* text, size_t length) = 0;

protected:
    ~LogSink() = default;
};

// Adds a sink; it receives every line written from now on.
void add_log_sink(LogSink& sink);

// Writes one formatted line tagged with `subsystem` (printf-style format,
// see debug/format.h for what it understands).
void log(const char* subsystem, const char* format, ...) __attribute__((format(printf, 2, 3)));
void vlog(const char* subsystem, const char* format, va_list args);

// Writes raw text to every sink, without timestamp or tag (panic reports).
void log_raw(const char* text, size_t length);

} // namespace kern
