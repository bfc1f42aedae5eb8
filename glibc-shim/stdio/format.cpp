// The printf engine: walks the format, takes each argument, and writes the
// converted text to the sink.
#include "format.h"
#include "format_arguments.h"
#include "format_spec_parse.h"

#include <errno.h>
#include <string.h>

namespace shim {

namespace {

constexpr int k_int_max = 2147483647;

long long signed_of_length(long long value, Length length)
{
    switch (length) {
    case Length::hh: return static_cast<signed char>(value);
    case Length::h: return static_cast<short>(value);
    case Length::none: return static_cast<int>(value);
    default: return value;
    }
}

unsigned long long unsigned_of_length(long long value, Length length)
{
    switch (length) {
    case Length::hh: return static_cast<unsigned char>(value);
    case Length::h: return static_cast<unsigned short>(value);
    case Length::none: return static_cast<unsigned int>(value);
    default: return static_cast<unsigned long long>(value);
    }
}

// d i u o x X p: the digits, at least spec.precision of them, with sign or
// "0x" as a prefix that zero padding goes after.
void put_integer(Sink& sink, const FormatSpec& spec, long long raw, Length length)
{
    char conversion = spec.conversion;
    bool is_signed = conversion == 'd' || conversion == 'i';
    bool negative = false;
    unsigned long long magnitude;
    if (is_signed) {
        long long value = signed_of_length(raw, length);
        negative = value < 0;
        magnitude = negative ? 0ull - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    } else {
        magnitude = unsigned_of_length(raw, length);
    }
    unsigned base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X' || conversion == 'p') ? 16 : 10;
    const char* hex = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[24];
    int digits = 0;
    for (unsigned long long rest = magnitude; rest != 0; rest /= base)
        reversed[digits++] = hex[rest % base];
    int precision = spec.precision < 0 ? 1 : spec.precision;
    if (conversion == 'o' && spec.alternate && precision <= digits)
        precision = digits + 1; // '#o': the first digit is a zero.
    if (conversion == 'o' && spec.alternate && magnitude == 0)
        precision = precision < 1 ? 1 : precision;
    int zeros = precision > digits ? precision - digits : 0;

    char prefix[3];
    size_t prefix_length = 0;
    if (negative)
        prefix[prefix_length++] = '-';
    else if (is_signed && spec.plus)
        prefix[prefix_length++] = '+';
    else if (is_signed && spec.space)
        prefix[prefix_length++] = ' ';
    if ((spec.alternate && magnitude != 0 && (conversion == 'x' || conversion == 'X')) || conversion == 'p') {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = conversion == 'X' ? 'X' : 'x';
    }
    bool zero_fill = spec.zero && spec.precision < 0;
    size_t after
        = put_padding_before(sink, spec, prefix, prefix_length, static_cast<size_t>(zeros + digits), zero_fill);
    sink.put_repeated('0', static_cast<size_t>(zeros));
    char forward[24];
    for (int i = 0; i < digits; ++i)
        forward[i] = reversed[digits - 1 - i];
    sink.put(forward, static_cast<size_t>(digits));
    sink.put_repeated(' ', after);
}

void put_string(Sink& sink, const FormatSpec& spec, const char* text)
{
    if (text == nullptr)
        text = spec.precision < 0 || spec.precision >= 6 ? "(null)" : "";
    size_t length = 0;
    if (spec.precision < 0)
        length = strlen(text);
    else
        while (length < static_cast<size_t>(spec.precision) && text[length] != 0)
            ++length;
    put_padded(sink, spec, "", 0, text, length, false);
}

// One character as UTF-8 (the shim's only multibyte encoding); returns
// its length, 0 for a value that is no character.
size_t utf8_encode(unsigned value, char* out)
{
    if (value < 0x80) {
        out[0] = static_cast<char>(value);
        return 1;
    }
    if (value < 0x800) {
        out[0] = static_cast<char>(0xc0 | value >> 6);
        out[1] = static_cast<char>(0x80 | (value & 0x3f));
        return 2;
    }
    if (value >= 0xd800 && value < 0xe000)
        return 0;
    if (value < 0x10000) {
        out[0] = static_cast<char>(0xe0 | value >> 12);
        out[1] = static_cast<char>(0x80 | ((value >> 6) & 0x3f));
        out[2] = static_cast<char>(0x80 | (value & 0x3f));
        return 3;
    }
    if (value < 0x110000) {
        out[0] = static_cast<char>(0xf0 | value >> 18);
        out[1] = static_cast<char>(0x80 | ((value >> 12) & 0x3f));
        out[2] = static_cast<char>(0x80 | ((value >> 6) & 0x3f));
        out[3] = static_cast<char>(0x80 | (value & 0x3f));
        return 4;
    }
    return 0;
}

// %ls: a wide string as UTF-8; the precision counts bytes and never splits
// a character. Returns false for a value that is no character (EILSEQ).
bool put_wide_string(Sink& sink, const FormatSpec& spec, const wchar_t* text)
{
    if (text == nullptr) {
        put_string(sink, spec, nullptr);
        return true;
    }
    size_t limit = spec.precision < 0 ? static_cast<size_t>(-1) : static_cast<size_t>(spec.precision);
    size_t length = 0;
    char bytes[4];
    for (const wchar_t* c = text; *c != 0; ++c) {
        size_t size = utf8_encode(static_cast<unsigned>(*c), bytes);
        if (size == 0) {
            errno = EILSEQ;
            return false;
        }
        if (length + size > limit)
            break;
        length += size;
    }
    size_t after = put_padding_before(sink, spec, "", 0, length, false);
    size_t written = 0;
    for (const wchar_t* c = text; written < length; ++c) {
        size_t size = utf8_encode(static_cast<unsigned>(*c), bytes);
        sink.put(bytes, size);
        written += size;
    }
    sink.put_repeated(' ', after);
    return true;
}

void store_count(void* target, Length length, size_t count)
{
    if (target == nullptr)
        return;
    switch (length) {
    case Length::hh: *static_cast<signed char*>(target) = static_cast<signed char>(count); break;
    case Length::h: *static_cast<short*>(target) = static_cast<short>(count); break;
    case Length::none: *static_cast<int*>(target) = static_cast<int>(count); break;
    default: *static_cast<long long*>(target) = static_cast<long long>(count); break;
    }
}

// Applies a width or precision taken from an argument.
void resolve_star_fields(ParsedSpec& parsed, FormatArguments& arguments)
{
    if (parsed.width_from_argument) {
        int width = static_cast<int>(arguments.take(ArgumentKind::int_value, parsed.width_position).integer);
        if (width < 0) {
            parsed.spec.left = true;
            width = width == -k_int_max - 1 ? k_int_max : -width;
        }
        parsed.spec.width = width;
    }
    if (parsed.precision_from_argument) {
        int precision = static_cast<int>(arguments.take(ArgumentKind::int_value, parsed.precision_position).integer);
        parsed.spec.precision = precision < 0 ? -1 : precision;
    }
}

// Runs one conversion; returns false for a specification it cannot honour.
bool convert(Sink& sink, ParsedSpec& parsed, FormatArguments& arguments, int saved_errno)
{
    FormatSpec& spec = parsed.spec;
    if (spec.plus)
        spec.space = false;
    if (spec.left)
        spec.zero = false;
    // Bound the field sizes so that width + digits cannot overflow an int.
    if (spec.width > 100000000 || spec.precision > 100000000)
        return false;
    ArgumentKind kind = argument_kind(spec.conversion, parsed.length);
    switch (spec.conversion) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': put_integer(sink, spec, arguments.take(kind, parsed.position).integer, parsed.length); return true;
    case 'p': {
        void* pointer = arguments.take(kind, parsed.position).pointer;
        if (pointer == nullptr) {
            put_padded(sink, spec, "", 0, "(nil)", 5, false);
            return true;
        }
        put_integer(sink, spec, static_cast<long long>(reinterpret_cast<uintptr_t>(pointer)), Length::l);
        return true;
    }
    case 'c':
    case 'C': {
        long long value = arguments.take(kind, parsed.position).integer;
        if (spec.conversion == 'c' && parsed.length != Length::l) {
            char c = static_cast<char>(value);
            put_padded(sink, spec, "", 0, &c, 1, false);
            return true;
        }
        char bytes[4];
        size_t size = utf8_encode(static_cast<unsigned>(value), bytes);
        if (size == 0) {
            errno = EILSEQ;
            sink.failed = true;
            return true;
        }
        put_padded(sink, spec, "", 0, bytes, size, false);
        return true;
    }
    case 's':
    case 'S': {
        void* text = arguments.take(kind, parsed.position).pointer;
        if (spec.conversion == 'S' || parsed.length == Length::l) {
            if (!put_wide_string(sink, spec, static_cast<const wchar_t*>(text)))
                sink.failed = true;
            return true;
        }
        put_string(sink, spec, static_cast<const char*>(text));
        return true;
    }
    case 'm': put_string(sink, spec, strerror(saved_errno)); return true;
    case 'n': store_count(arguments.take(kind, parsed.position).pointer, parsed.length, sink.total); return true;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A': {
        ArgumentValue value = arguments.take(kind, parsed.position);
        // FIXME: long double prints through double (64 bits of mantissa become 53).
        format_double(
            sink, spec, kind == ArgumentKind::long_double_value ? static_cast<double>(value.long_real) : value.real);
        return true;
    }
    default: return false;
    }
}

bool uses_positions(const char* format)
{
    const char* percent = strchr(format, '%');
    if (percent == nullptr)
        return false;
    ParsedSpec parsed;
    parse_spec(percent + 1, parsed);
    return parsed.position != 0;
}

} // namespace

int format_to(Sink& sink, const char* format, va_list args)
{
    int saved_errno = errno;
    FormatArguments arguments(args);
    if (uses_positions(format) && !arguments.load_positional(format)) {
        errno = EINVAL;
        return -1;
    }
    const char* text = format;
    while (*text != 0) {
        const char* percent = strchr(text, '%');
        if (percent == nullptr) {
            sink.put(text, strlen(text));
            break;
        }
        sink.put(text, static_cast<size_t>(percent - text));
        if (percent[1] == '%') {
            sink.put_char('%');
            text = percent + 2;
            continue;
        }
        ParsedSpec parsed;
        text = parse_spec(percent + 1, parsed);
        resolve_star_fields(parsed, arguments);
        if (parsed.spec.conversion == 0 || !convert(sink, parsed, arguments, saved_errno)) {
            // Not a conversion we know: print it as written, as glibc does.
            sink.put(percent, static_cast<size_t>(text - percent));
        }
    }
    if (sink.failed)
        return -1;
    if (sink.total > static_cast<size_t>(k_int_max)) {
        errno = EOVERFLOW;
        return -1;
    }
    return static_cast<int>(sink.total);
}

} // namespace shim
