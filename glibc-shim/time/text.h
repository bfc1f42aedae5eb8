// text.h: writing dates as text, shared by asctime and strftime.
#pragma once

#include <stddef.h>

namespace shim::time_text {

// Names of the "C" locale; "?" for an index out of range.
const char* weekday_abbreviation(int weekday);
const char* weekday_name(int weekday);
const char* month_abbreviation(int month);
const char* month_name(int month);

// Appends to a buffer of fixed size, remembering whether it overflowed;
// finish() writes the terminating NUL (truncating if needed).
class Writer {
public:
    Writer(char* buffer, size_t size)
        : m_buffer(buffer)
        , m_size(size)
    {
    }

    void character(char c);
    void text(const char* text);
    // value in decimal, padded on the left to width with pad ('\0': no padding).
    void number(long value, int width, char pad);
    void finish();

    bool overflowed() const { return m_overflowed; }
    size_t length() const { return m_length; }

private:
    char* m_buffer;
    size_t m_size;
    size_t m_length = 0;
    bool m_overflowed = false;
};

} // namespace shim::time_text
