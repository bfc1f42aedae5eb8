#include <boot/cmdline.h>

#ifndef PORTICO_HOST
#include <freestanding/string.h>
#else
#include <string.h>
#endif

namespace kern {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The value of `c` as a digit in `base`, or -1.
int digit_value(char c, unsigned base)
{
    int value = -1;
    if (c >= '0' && c <= '9')
        value = c - '0';
    else if (c >= 'a' && c <= 'f')
        value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        value = c - 'A' + 10;
    return value >= 0 && unsigned(value) < base ? value : -1;
}

unsigned suffix_shift(char c)
{
    switch (c) {
    case 'K':
    case 'k': return 10;
    case 'M':
    case 'm': return 20;
    case 'G':
    case 'g': return 30;
    default: return 0;
    }
}

} // namespace

CommandLine CommandLine::parse(const char* text)
{
    CommandLine line;
    if (text == nullptr)
        return line;
    // m_buffer[0] stays NUL: it is the empty value every bare flag points at.
    size_t used = 1;
    const char* p = text;
    for (;;) {
        while (is_space(*p))
            ++p;
        if (*p == '\0')
            break;

        // Copy one word without its quotes, splitting it at its first '='
        // (quoted or not: keys never hold one, and `"key=a b"` is a common
        // way to quote a whole option). A word that does not fit is dropped
        // whole.
        size_t key = used;
        size_t value = 0;
        bool quoted = false;
        bool fits = true;
        auto put = [&](char c) {
            if (used < kBufferSize)
                line.m_buffer[used++] = c;
            else
                fits = false;
        };
        for (; *p != '\0' && (quoted || !is_space(*p)); ++p) {
            if (*p == '"') {
                quoted = !quoted;
            } else if (*p == '=' && value == 0) {
                put('\0');
                value = used;
            } else {
                put(*p);
            }
        }
        put('\0');

        bool empty_key = line.m_buffer[key] == '\0';
        if (!fits || line.m_count == kMaxOptions) {
            line.m_truncated = true;
            used = key;
        } else if (empty_key) {
            used = key; // "=value" or "": nothing to name it by
        } else {
            line.m_options[line.m_count++] = { uint16_t(key), uint16_t(value) };
        }
    }
    // Leave no half-copied word behind the last option.
    memset(line.m_buffer + used, 0, kBufferSize - used);
    return line;
}

int CommandLine::find(const char* key) const
{
    if (key == nullptr)
        return -1;
    for (size_t i = m_count; i-- > 0;) {
        if (strcmp(m_buffer + m_options[i].key, key) == 0)
            return int(i);
    }
    return -1;
}

bool CommandLine::has(const char* key) const { return find(key) >= 0; }

const char* CommandLine::get(const char* key) const
{
    int index = find(key);
    return index < 0 ? nullptr : m_buffer + m_options[index].value;
}

const char* CommandLine::key(size_t index) const { return index < m_count ? m_buffer + m_options[index].key : nullptr; }

const char* CommandLine::value(size_t index) const
{
    return index < m_count ? m_buffer + m_options[index].value : nullptr;
}

Result<uint64_t> CommandLine::get_number(const char* key) const
{
    const char* text = get(key);
    if (text == nullptr)
        return Error::not_found;
    unsigned base = 10;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text += 2;
    }
    if (digit_value(*text, base) < 0)
        return Error::invalid_argument;
    uint64_t number = 0;
    for (int digit; (digit = digit_value(*text, base)) >= 0; ++text) {
        if (number > (UINT64_MAX - unsigned(digit)) / base)
            return Error::out_of_range;
        number = number * base + unsigned(digit);
    }
    if (unsigned shift = suffix_shift(*text); shift != 0) {
        if (number > (UINT64_MAX >> shift))
            return Error::out_of_range;
        number <<= shift;
        ++text;
    }
    if (*text != '\0')
        return Error::invalid_argument;
    return number;
}

} // namespace kern
