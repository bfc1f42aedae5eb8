// glibc-shim ctype/: every byte, EOF and out-of-range values against the
// ASCII definitions of the classes.
#include "support/shim.h"

#include <catch.hpp>
#include <cstdio>

TEST_CASE("shim ctype classes follow ASCII and reject everything else")
{
    for (int c = -1; c < 256; ++c) {
        bool upper = c >= 'A' && c <= 'Z';
        bool lower = c >= 'a' && c <= 'z';
        bool digit = c >= '0' && c <= '9';
        bool print = c >= 0x20 && c < 0x7f;
        INFO("c = " << c);
        CHECK(!!shim_isupper(c) == upper);
        CHECK(!!shim_islower(c) == lower);
        CHECK(!!shim_isdigit(c) == digit);
        CHECK(!!shim_isalpha(c) == (upper || lower));
        CHECK(!!shim_isalnum(c) == (upper || lower || digit));
        CHECK(!!shim_isxdigit(c) == (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        CHECK(!!shim_isspace(c) == (c == ' ' || (c >= 9 && c <= 13)));
        CHECK(!!shim_isblank(c) == (c == ' ' || c == '\t'));
        CHECK(!!shim_isprint(c) == print);
        CHECK(!!shim_isgraph(c) == (print && c != ' '));
        CHECK(!!shim_iscntrl(c) == ((c >= 0 && c < 0x20) || c == 0x7f));
        CHECK(!!shim_ispunct(c) == (print && c != ' ' && !upper && !lower && !digit));
        CHECK(shim_toupper(c) == (lower ? c - 32 : c));
        CHECK(shim_tolower(c) == (upper ? c + 32 : c));
    }
    // Undefined in C; here simply "no class".
    CHECK(shim_isalpha(100000) == 0);
    CHECK(shim_isdigit(-50) == 0);
}
