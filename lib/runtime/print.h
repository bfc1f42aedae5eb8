// Small output helpers for test programs: one debug_write per line.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace mach {

// Builds one line in a fixed buffer (longer text is cut) and writes it with debug_write.
class Line {
public:
    Line& operator<<(const char* text);
    Line& operator<<(uint64_t value);
    Line& operator<<(int64_t value);
    Line& operator<<(int value) { return *this << int64_t(value); }
    // Writes the line out and empties it.
    void flush();
    ~Line() { flush(); }

private:
    char m_buffer[256];
    size_t m_length = 0;
};

} // namespace mach
