#include "format_spec_parse.h"

namespace shim {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a decimal number, saturating at a value no width can reach.
int read_number(const char*& text)
{
    int value = 0;
    for (; is_digit(*text); ++text)
        value = value > 100000000 ? 1000000000 : value * 10 + (*text - '0');
    return value;
}

// "n$" after a '%' or '*': returns n and advances, or 0 leaving text alone.
int read_position(const char*& text)
{
    const char* cursor = text;
    int number = read_number(cursor);
    if (cursor == text || *cursor != '$' || number == 0)
        return 0;
    text = cursor + 1;
    return number;
}

const char* read_flags(const char* text, FormatSpec& spec)
{
    for (;; ++text) {
        switch (*text) {
        case '-': spec.left = true; break;
        case '+': spec.plus = true; break;
        case ' ': spec.space = true; break;
        case '#': spec.alternate = true; break;
        case '0': spec.zero = true; break;
        case '\'': spec.grouping = true; break;
        default: return text;
        }
    }
}

const char* read_length(const char* text, Length& length)
{
    switch (*text) {
    case 'h':
        if (text[1] == 'h') {
            length = Length::hh;
            return text + 2;
        }
        length = Length::h;
        return text + 1;
    case 'l':
        if (text[1] == 'l') {
            length = Length::ll;
            return text + 2;
        }
        length = Length::l;
        return text + 1;
    case 'q': length = Length::ll; return text + 1;
    case 'j': length = Length::j; return text + 1;
    case 'z':
    case 'Z': length = Length::z; return text + 1;
    case 't': length = Length::t; return text + 1;
    case 'L': length = Length::L; return text + 1;
    default: return text;
    }
}

} // namespace

const char* parse_spec(const char* text, ParsedSpec& parsed)
{
    parsed = ParsedSpec {};
    parsed.position = read_position(text);
    text = read_flags(text, parsed.spec);
    if (*text == '*') {
        ++text;
        parsed.width_from_argument = true;
        parsed.width_position = read_position(text);
    } else {
        parsed.spec.width = read_number(text);
    }
    if (*text == '.') {
        ++text;
        if (*text == '*') {
            ++text;
            parsed.precision_from_argument = true;
            parsed.precision_position = read_position(text);
        } else {
            parsed.spec.precision = read_number(text);
        }
    }
    text = read_length(text, parsed.length);
    parsed.spec.conversion = *text;
    return *text == 0 ? text : text + 1;
}

} // namespace shim
