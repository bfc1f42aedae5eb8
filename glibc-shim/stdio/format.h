// The printf engine, shared by every printf-family function: it parses the
// format and writes the text to a Sink, which each caller implements (a
// buffer, a FILE, a descriptor, a growing allocation).
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace shim {

struct Sink {
    // Takes `length` bytes of output; returns false to stop (a write error).
    bool (*write)(Sink* self, const char* text, size_t length);
    // Bytes produced so far (what printf returns), even past a full buffer.
    size_t total = 0;
    bool failed = false;

    void put(const char* text, size_t length);
    void put_char(char c) { put(&c, 1); }
    void put_repeated(char c, size_t count);
};

// One conversion specification: %[flags][width][.precision][length]conversion.
struct FormatSpec {
    bool left = false; // '-'
    bool plus = false; // '+'
    bool space = false; // ' '
    bool alternate = false; // '#'
    bool zero = false; // '0'
    bool grouping = false; // '\'' (accepted; the C locale has no grouping)
    int width = 0;
    int precision = -1; // -1: none given
    char conversion = 0;
};

// Writes `prefix` (sign, "0x") then `body`, padded to spec.width: spaces on
// the left, on the right for '-', or zeros between prefix and body when
// zero_fill is set.
void put_padded(Sink& sink, const FormatSpec& spec, const char* prefix, size_t prefix_length, const char* body,
    size_t body_length, bool zero_fill);
// put_padded in two halves, for a body written piece by piece: writes what
// goes before the body and returns the count of spaces to write after it.
size_t put_padding_before(
    Sink& sink, const FormatSpec& spec, const char* prefix, size_t prefix_length, size_t body_length, bool zero_fill);

// Formats a double for the conversions f F e E g G a A.
void format_double(Sink& sink, const FormatSpec& spec, double value);

// Runs the whole format; returns the byte count, or -1 when the sink failed
// or the count does not fit an int (errno EOVERFLOW).
int format_to(Sink& sink, const char* format, va_list args);

} // namespace shim
