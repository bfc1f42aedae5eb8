// A small printf-style formatter for the kernel. It understands
// %d %i %u %x %X %o %p %s %c %% with the flags '-', '0', ' ', '+', a field
// width and precision (also '*'), and the length modifiers hh, h, l, ll, z, j, t.
// Floating point is not supported in the kernel.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace kern {

// Formats into `buffer` (always NUL-terminated when size > 0) and returns the
// length the full result would have had, like vsnprintf.
size_t vformat_string(char* buffer, size_t size, const char* format, va_list args);
size_t format_string(char* buffer, size_t size, const char* format, ...) __attribute__((format(printf, 3, 4)));

} // namespace kern
