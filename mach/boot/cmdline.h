// The kernel command line: words separated by spaces, each `key=value` or a
// bare `flag`. Double quotes group spaces into a word and are removed:
//   test=all root="/dev/hd0s1" init="/hurd/startup --verbose" quiet
// The first = splits a word, even inside quotes: `"init=a b"` works too.
// The parsed options live in the object itself (no pointers into the input
// or into itself), so a CommandLine can be copied freely.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace kern {

class CommandLine {
public:
    // Room for the option text (keys and values, each with its NUL).
    static constexpr size_t kBufferSize = 1024;
    static constexpr size_t kMaxOptions = 32;

    // An empty command line.
    CommandLine() = default;

    // Splits `text` (null means empty) into options. Options beyond kMaxOptions
    // or beyond the buffer are dropped whole and truncated() says so.
    static CommandLine parse(const char* text);

    // Whether `key` was given, as a flag or with a value.
    bool has(const char* key) const;

    // The value of `key` ("" for a bare flag), or nullptr if absent. When a
    // key is given more than once, the last one wins.
    const char* get(const char* key) const;

    // The value of `key` as a number: decimal, or hexadecimal after 0x, with
    // an optional K, M or G suffix (powers of 1024). not_found if absent,
    // invalid_argument if not a number, out_of_range if above 2^64 - 1.
    Result<uint64_t> get_number(const char* key) const;

    // The number of options, and the key and value ("" for a flag) of each,
    // in command-line order.
    size_t count() const { return m_count; }
    const char* key(size_t index) const;
    const char* value(size_t index) const;

    // Whether some of the input did not fit and was dropped.
    bool truncated() const { return m_truncated; }

private:
    struct Option {
        uint16_t key; // offset of the key in m_buffer
        uint16_t value; // offset of the value in m_buffer
    };

    // The index of the last option named `key`, or -1.
    int find(const char* key) const;

    char m_buffer[kBufferSize] {};
    Option m_options[kMaxOptions] {};
    size_t m_count = 0;
    bool m_truncated = false;
};

// The command line the kernel was booted with (valid once kernel_main has
// read the boot information).
const CommandLine& command_line();

} // namespace kern
