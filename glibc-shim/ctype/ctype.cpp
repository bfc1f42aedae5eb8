// The character classes of the "C" locale: ASCII, with every byte above
// 127 and EOF in no class. Arguments outside EOF and 0..255 (undefined
// behaviour in C) answer "no class" instead of reading out of bounds.
#include <ctype.h>
#include <internal/ascii.h>

namespace {

enum Class : unsigned short {
    k_upper = 1 << 0,
    k_lower = 1 << 1,
    k_digit = 1 << 2,
    k_space = 1 << 3,
    k_punct = 1 << 4,
    k_control = 1 << 5,
    k_blank = 1 << 6,
    k_hex = 1 << 7,
    k_print = 1 << 8,
};

constexpr unsigned short classify(int c)
{
    unsigned short classes = 0;
    if (shim::ascii::is_upper(c))
        classes |= k_upper;
    if (shim::ascii::is_lower(c))
        classes |= k_lower;
    if (shim::ascii::is_digit(c))
        classes |= k_digit;
    if (shim::ascii::is_space(c))
        classes |= k_space;
    if (c < 0x20 || c == 0x7f)
        classes |= k_control;
    if (c == ' ' || c == '\t')
        classes |= k_blank;
    if (shim::ascii::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
        classes |= k_hex;
    if (c >= 0x20 && c < 0x7f)
        classes |= k_print;
    if (c > 0x20 && c < 0x7f && !shim::ascii::is_alpha(c) && !shim::ascii::is_digit(c))
        classes |= k_punct;
    return classes;
}

struct Table {
    unsigned short classes[128];
    constexpr Table()
        : classes()
    {
        for (int c = 0; c < 128; ++c)
            classes[c] = classify(c);
    }
};

constexpr Table k_table;

bool is(int c, unsigned short classes) { return c >= 0 && c < 128 && (k_table.classes[c] & classes) != 0; }

} // namespace

extern "C" {

int isalnum(int c) { return is(c, k_upper | k_lower | k_digit); }
int isalpha(int c) { return is(c, k_upper | k_lower); }
int isblank(int c) { return is(c, k_blank); }
int iscntrl(int c) { return is(c, k_control); }
int isdigit(int c) { return is(c, k_digit); }
int isgraph(int c) { return is(c, k_upper | k_lower | k_digit | k_punct); }
int islower(int c) { return is(c, k_lower); }
int isprint(int c) { return is(c, k_print); }
int ispunct(int c) { return is(c, k_punct); }
int isspace(int c) { return is(c, k_space); }
int isupper(int c) { return is(c, k_upper); }
int isxdigit(int c) { return is(c, k_hex); }
int isascii(int c) { return c >= 0 && c < 128; }
int toascii(int c) { return c & 0x7f; }
int tolower(int c) { return shim::ascii::to_lower(c); }
int toupper(int c) { return shim::ascii::to_upper(c); }

} // extern "C"
