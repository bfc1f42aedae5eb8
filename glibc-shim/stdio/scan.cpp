#include "scan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

namespace shim {

namespace {

enum class ScanLength { none, hh, h, l, ll, L, j, z, t };

struct Reader {
    ScanInput& input;
    int width; // characters this conversion may still take; <0: unlimited

    int next()
    {
        if (width == 0)
            return -1;
        int c = input.next(&input);
        if (c < 0)
            return -1;
        if (width > 0)
            --width;
        ++input.consumed;
        return c;
    }
    void give_back(int c)
    {
        if (c < 0)
            return;
        input.give_back(&input, c);
        --input.consumed;
        if (width >= 0)
            ++width;
    }
};

bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return (c | 0x20) - 'a' + 10;
    return 99;
}

void skip_space(ScanInput& input)
{
    for (;;) {
        int c = input.next(&input);
        if (c < 0)
            return;
        if (!is_space(c)) {
            input.give_back(&input, c);
            return;
        }
        ++input.consumed;
    }
}

// Reads an integer in `base` (0: by prefix, as strtol); false when no
// digit was found. Overflow wraps, as the store truncates anyway.
bool read_integer(Reader& reader, int base, unsigned long long& value, bool& negative)
{
    value = 0;
    negative = false;
    int c = reader.next();
    if (c == '+' || c == '-') {
        negative = c == '-';
        c = reader.next();
    }
    bool any_digit = false;
    if (c == '0' && (base == 0 || base == 16)) {
        any_digit = true; // "0" alone is a number
        c = reader.next();
        if ((c | 0x20) == 'x') {
            base = 16;
            c = reader.next();
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0)
        base = 10;
    for (; digit_value(c) < base; c = reader.next()) {
        value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit_value(c));
        any_digit = true;
    }
    reader.give_back(c);
    return any_digit;
}

void store_integer(void* target, ScanLength length, unsigned long long value)
{
    switch (length) {
    case ScanLength::hh: *static_cast<unsigned char*>(target) = static_cast<unsigned char>(value); break;
    case ScanLength::h: *static_cast<unsigned short*>(target) = static_cast<unsigned short>(value); break;
    case ScanLength::none: *static_cast<unsigned*>(target) = static_cast<unsigned>(value); break;
    default: *static_cast<unsigned long long*>(target) = value; break;
    }
}

// Collects the text of a floating-point number (the longest prefix that
// can still become one) and converts it with strtod.
bool read_float(Reader& reader, double& value)
{
    char text[512];
    size_t length = 0;
    auto keep = [&](int c) {
        if (length + 1 < sizeof text)
            text[length++] = static_cast<char>(c);
    };
    int c = reader.next();
    if (c == '+' || c == '-') {
        keep(c);
        c = reader.next();
    }
    // inf, infinity, nan: letters as long as they spell one.
    if ((c | 0x20) == 'i' || (c | 0x20) == 'n') {
        const char* word = (c | 0x20) == 'i' ? "infinity" : "nan";
        size_t matched = 0;
        while (word[matched] != 0 && c >= 0 && (c | 0x20) == word[matched]) {
            keep(c);
            ++matched;
            c = reader.next();
        }
        reader.give_back(c);
        text[length] = 0;
        char* end;
        value = strtod(text, &end);
        return end != text;
    }
    bool hex = false;
    bool any_digit = false;
    if (c == '0') {
        keep(c);
        any_digit = true;
        c = reader.next();
        if ((c | 0x20) == 'x') {
            hex = true;
            keep(c);
            c = reader.next();
        }
    }
    int base = hex ? 16 : 10;
    for (; digit_value(c) < base; c = reader.next(), any_digit = true)
        keep(c);
    if (c == '.') {
        keep(c);
        for (c = reader.next(); digit_value(c) < base; c = reader.next(), any_digit = true)
            keep(c);
    }
    if (any_digit && (c | 0x20) == (hex ? 'p' : 'e')) {
        keep(c);
        c = reader.next();
        if (c == '+' || c == '-') {
            keep(c);
            c = reader.next();
        }
        for (; c >= '0' && c <= '9'; c = reader.next())
            keep(c);
    }
    reader.give_back(c);
    text[length] = 0;
    if (!any_digit)
        return false;
    value = strtod(text, nullptr);
    return true;
}

// A %[...] set: returns the character after ']' (or the end of format).
const char* parse_set(const char* format, bool (&members)[256])
{
    bool invert = *format == '^';
    if (invert)
        ++format;
    for (bool& member : members)
        member = false;
    if (*format == ']') { // a leading ']' is a member
        members[static_cast<unsigned char>(']')] = true;
        ++format;
    }
    for (; *format != 0 && *format != ']'; ++format) {
        unsigned char first = static_cast<unsigned char>(*format);
        if (format[1] == '-' && format[2] != ']' && format[2] != 0) {
            unsigned char last = static_cast<unsigned char>(format[2]);
            for (unsigned c = first; c <= last; ++c)
                members[c] = true;
            format += 2;
        } else {
            members[first] = true;
        }
    }
    if (invert)
        for (bool& member : members)
            member = !member;
    return *format == ']' ? format + 1 : format;
}

const char* parse_length(const char* format, ScanLength& length)
{
    length = ScanLength::none;
    switch (*format) {
    case 'h':
        if (format[1] == 'h') {
            length = ScanLength::hh;
            return format + 2;
        }
        length = ScanLength::h;
        return format + 1;
    case 'l':
        if (format[1] == 'l') {
            length = ScanLength::ll;
            return format + 2;
        }
        length = ScanLength::l;
        return format + 1;
    case 'q': length = ScanLength::ll; return format + 1;
    case 'L': length = ScanLength::L; return format + 1;
    case 'j': length = ScanLength::j; return format + 1;
    case 'z': length = ScanLength::z; return format + 1;
    case 't': length = ScanLength::t; return format + 1;
    default: return format;
    }
}

// Reads characters while `accept` says so into `target` (if any); returns
// how many were read.
template <typename Accept> size_t read_run(Reader& reader, char* target, Accept accept)
{
    size_t count = 0;
    for (;;) {
        int c = reader.next();
        if (c < 0)
            break;
        if (!accept(c)) {
            reader.give_back(c);
            break;
        }
        if (target != nullptr)
            target[count] = static_cast<char>(c);
        ++count;
    }
    return count;
}

} // namespace

int scan_format(ScanInput& input, const char* format, va_list args)
{
    va_list list;
    va_copy(list, args);
    int assigned = 0;
    bool converted_any = false;
    bool input_failure = false;
    while (*format != 0 && !input_failure) {
        if (is_space(static_cast<unsigned char>(*format))) {
            skip_space(input);
            ++format;
            continue;
        }
        if (*format != '%' || format[1] == '%') {
            if (*format == '%') {
                skip_space(input);
                ++format;
            }
            int c = input.next(&input);
            if (c < 0) {
                input_failure = true;
                break;
            }
            if (c != static_cast<unsigned char>(*format)) {
                input.give_back(&input, c);
                break;
            }
            ++input.consumed;
            ++format;
            continue;
        }
        ++format;
        bool suppress = *format == '*';
        if (suppress)
            ++format;
        int width = -1;
        if (*format >= '1' && *format <= '9') {
            width = 0;
            for (; *format >= '0' && *format <= '9'; ++format)
                width = width > 100000000 ? width : width * 10 + (*format - '0');
        }
        ScanLength length;
        format = parse_length(format, length);
        char conversion = *format++;
        if (conversion == 0)
            break;
        if (conversion != 'c' && conversion != '[' && conversion != 'n')
            skip_space(input);
        Reader reader { input, width };
        if (conversion == 'n') {
            if (!suppress)
                store_integer(va_arg(list, void*), length, input.consumed);
            continue;
        }
        // End of input before a conversion is an input failure.
        int peek = input.next(&input);
        if (peek < 0) {
            input_failure = true;
            break;
        }
        input.give_back(&input, peek);
        bool matched = true;
        switch (conversion) {
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'p': {
            int base = conversion == 'd' || conversion == 'u' ? 10 : conversion == 'i' ? 0 : conversion == 'o' ? 8 : 16;
            unsigned long long value;
            bool negative;
            matched = read_integer(reader, base, value, negative);
            if (matched && !suppress) {
                unsigned long long stored = negative ? 0ull - value : value;
                if (conversion == 'p')
                    *va_arg(list, void**) = reinterpret_cast<void*>(static_cast<uintptr_t>(stored));
                else
                    store_integer(va_arg(list, void*), length, stored);
            }
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            double value;
            matched = read_float(reader, value);
            if (matched && !suppress) {
                if (length == ScanLength::l)
                    *va_arg(list, double*) = value;
                else if (length == ScanLength::L)
                    *va_arg(list, long double*) = value;
                else
                    *va_arg(list, float*) = static_cast<float>(value);
            }
            break;
        }
        case 's': {
            char* target = suppress ? nullptr : va_arg(list, char*);
            size_t count = read_run(reader, target, [](int c) { return !is_space(c); });
            matched = count > 0;
            if (matched && target != nullptr)
                target[count] = 0;
            break;
        }
        case 'c': {
            char* target = suppress ? nullptr : va_arg(list, char*);
            reader.width = width < 0 ? 1 : width;
            size_t wanted = static_cast<size_t>(reader.width);
            size_t count = read_run(reader, target, [](int) { return true; });
            matched = count == wanted;
            break;
        }
        case '[': {
            bool members[256];
            format = parse_set(format, members);
            char* target = suppress ? nullptr : va_arg(list, char*);
            size_t count = read_run(reader, target, [&](int c) { return members[static_cast<unsigned char>(c)]; });
            matched = count > 0;
            if (matched && target != nullptr)
                target[count] = 0;
            break;
        }
        default: matched = false; break;
        }
        if (!matched)
            break;
        converted_any = true;
        if (!suppress)
            ++assigned;
    }
    va_end(list);
    if (input_failure && !converted_any && assigned == 0)
        return EOF;
    return assigned;
}

} // namespace shim
