#include <debug/format.h>

#include <stdint.h>

namespace kern {
namespace {

// Appends characters to a bounded buffer, counting what would not fit.
class Output {
public:
    Output(char* buffer, size_t size)
        : m_buffer(buffer)
        , m_size(size)
    {
    }

    void put(char c)
    {
        if (m_length + 1 < m_size)
            m_buffer[m_length] = c;
        ++m_length;
    }
    void repeat(char c, int count)
    {
        for (int i = 0; i < count; ++i)
            put(c);
    }
    size_t finish()
    {
        if (m_size > 0)
            m_buffer[m_length < m_size ? m_length : m_size - 1] = '\0';
        return m_length;
    }

private:
    char* m_buffer;
    size_t m_size;
    size_t m_length = 0;
};

struct Spec {
    bool left = false;
    bool zero = false;
    bool plus = false;
    bool space = false;
    bool alternate = false;
    int width = 0;
    int precision = -1;
};

enum class Length { normal, hh, h, l, ll, z, j, t };

size_t string_length(const char* s, int limit)
{
    size_t n = 0;
    while ((limit < 0 || n < size_t(limit)) && s[n])
        ++n;
    return n;
}

void emit_string(Output& out, const Spec& spec, const char* s)
{
    if (!s)
        s = "(null)";
    int length = int(string_length(s, spec.precision));
    int pad = spec.width > length ? spec.width - length : 0;
    if (!spec.left)
        out.repeat(' ', pad);
    for (int i = 0; i < length; ++i)
        out.put(s[i]);
    if (spec.left)
        out.repeat(' ', pad);
}

void emit_number(
    Output& out, const Spec& spec, uint64_t magnitude, bool negative, unsigned base, bool upper, const char* prefix)
{
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buffer[24];
    int count = 0;
    do {
        buffer[count++] = digits[magnitude % base];
        magnitude /= base;
    } while (magnitude);
    if (spec.precision == 0 && count == 1 && buffer[0] == '0')
        count = 0;

    char sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : 0;
    int prefix_length = int(string_length(prefix, -1)) + (sign ? 1 : 0);
    int zeros = spec.precision > count ? spec.precision - count : 0;
    int body = prefix_length + zeros + count;
    int pad = spec.width > body ? spec.width - body : 0;
    if (spec.zero && !spec.left && spec.precision < 0) {
        zeros += pad;
        pad = 0;
    }
    if (!spec.left)
        out.repeat(' ', pad);
    if (sign)
        out.put(sign);
    for (const char* p = prefix; *p; ++p)
        out.put(*p);
    out.repeat('0', zeros);
    while (count)
        out.put(buffer[--count]);
    if (spec.left)
        out.repeat(' ', pad);
}

int64_t signed_argument(Length length, va_list& args)
{
    switch (length) {
    case Length::hh: return static_cast<signed char>(va_arg(args, int));
    case Length::h: return static_cast<short>(va_arg(args, int));
    case Length::l: return va_arg(args, long);
    case Length::ll: return va_arg(args, long long);
    case Length::z: return va_arg(args, long);
    case Length::j: return va_arg(args, int64_t);
    case Length::t: return va_arg(args, long);
    case Length::normal: break;
    }
    return va_arg(args, int);
}

uint64_t unsigned_argument(Length length, va_list& args)
{
    switch (length) {
    case Length::hh: return static_cast<unsigned char>(va_arg(args, unsigned));
    case Length::h: return static_cast<unsigned short>(va_arg(args, unsigned));
    case Length::l: return va_arg(args, unsigned long);
    case Length::ll: return va_arg(args, unsigned long long);
    case Length::z: return va_arg(args, size_t);
    case Length::j: return va_arg(args, uint64_t);
    case Length::t: return va_arg(args, unsigned long);
    case Length::normal: break;
    }
    return va_arg(args, unsigned);
}

// Parses flags, width, precision and length; returns the conversion char.
const char* parse_spec(const char* p, Spec& spec, Length& length, va_list& args)
{
    for (;; ++p) {
        if (*p == '-')
            spec.left = true;
        else if (*p == '0')
            spec.zero = true;
        else if (*p == '+')
            spec.plus = true;
        else if (*p == ' ')
            spec.space = true;
        else if (*p == '#')
            spec.alternate = true;
        else
            break;
    }
    if (*p == '*') {
        spec.width = va_arg(args, int);
        if (spec.width < 0) {
            spec.left = true;
            spec.width = -spec.width;
        }
        ++p;
    } else {
        while (*p >= '0' && *p <= '9')
            spec.width = spec.width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
        ++p;
        spec.precision = 0;
        if (*p == '*') {
            spec.precision = va_arg(args, int);
            ++p;
        } else {
            while (*p >= '0' && *p <= '9')
                spec.precision = spec.precision * 10 + (*p++ - '0');
        }
    }
    length = Length::normal;
    if (p[0] == 'h' && p[1] == 'h') {
        length = Length::hh;
        p += 2;
    } else if (p[0] == 'l' && p[1] == 'l') {
        length = Length::ll;
        p += 2;
    } else if (*p == 'h') {
        length = Length::h;
        ++p;
    } else if (*p == 'l') {
        length = Length::l;
        ++p;
    } else if (*p == 'z') {
        length = Length::z;
        ++p;
    } else if (*p == 'j') {
        length = Length::j;
        ++p;
    } else if (*p == 't') {
        length = Length::t;
        ++p;
    }
    return p;
}

} // namespace

size_t vformat_string(char* buffer, size_t size, const char* format, va_list args_in)
{
    Output out(buffer, size);
    va_list args;
    va_copy(args, args_in);
    for (const char* p = format; *p; ++p) {
        if (*p != '%') {
            out.put(*p);
            continue;
        }
        Spec spec;
        Length length;
        p = parse_spec(p + 1, spec, length, args);
        switch (*p) {
        case 'd':
        case 'i': {
            int64_t value = signed_argument(length, args);
            uint64_t magnitude = value < 0 ? uint64_t(0) - uint64_t(value) : uint64_t(value);
            emit_number(out, spec, magnitude, value < 0, 10, false, "");
            break;
        }
        case 'u': emit_number(out, spec, unsigned_argument(length, args), false, 10, false, ""); break;
        case 'o':
            emit_number(out, spec, unsigned_argument(length, args), false, 8, false, spec.alternate ? "0" : "");
            break;
        case 'x':
            emit_number(out, spec, unsigned_argument(length, args), false, 16, false, spec.alternate ? "0x" : "");
            break;
        case 'X':
            emit_number(out, spec, unsigned_argument(length, args), false, 16, true, spec.alternate ? "0X" : "");
            break;
        case 'p': emit_number(out, spec, uint64_t(va_arg(args, void*)), false, 16, false, "0x"); break;
        case 'c': {
            char c[2] = { char(va_arg(args, int)), 0 };
            spec.precision = 1;
            if (c[0] == 0) {
                out.put(0);
                break;
            }
            emit_string(out, spec, c);
            break;
        }
        case 's': emit_string(out, spec, va_arg(args, const char*)); break;
        case '%': out.put('%'); break;
        case '\0': --p; break; // a lone '%' at the end
        default: // unknown conversion: show it as written
            out.put('%');
            out.put(*p);
            break;
        }
    }
    va_end(args);
    return out.finish();
}

size_t format_string(char* buffer, size_t size, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    size_t length = vformat_string(buffer, size, format, args);
    va_end(args);
    return length;
}

} // namespace kern
