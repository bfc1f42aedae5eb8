#include <catch.hpp>
#include <debug/format.h>

#include <cstdio>
#include <string>

using kern::format_string;

namespace {

// Formats with the kernel's formatter and with the host's snprintf.
template <typename... Args> void check_like_libc(const char* format, Args... args)
{
    char ours[128], theirs[128];
    size_t our_length = format_string(ours, sizeof(ours), format, args...);
    int their_length = std::snprintf(theirs, sizeof(theirs), format, args...);
    INFO("format: " << format);
    CHECK(std::string(ours) == std::string(theirs));
    CHECK(our_length == size_t(their_length));
}

} // namespace

TEST_CASE("format matches libc for integers", "[format]")
{
    check_like_libc("%d", 0);
    check_like_libc("%d", -42);
    check_like_libc("%i|%5d|%-5d|%05d", 7, -3, 12, -12);
    check_like_libc("%u", 4000000000u);
    check_like_libc("%x %X %#x %#X", 0xbeefu, 0xbeefu, 0x1au, 0x1au);
    check_like_libc("%lx", 0xffffffff80000000ul);
    check_like_libc("%016lx", 0x1234ul);
    check_like_libc("%#018lx", 0xffffffff80201000ul);
    check_like_libc("%lld %llu", -9223372036854775807ll - 1, 18446744073709551615ull);
    check_like_libc("%zu %zx", size_t(123456), size_t(0xabc));
    check_like_libc("%hhd %hd", 300, 70000);
    check_like_libc("%+d % d %+d", 5, 5, -5);
    check_like_libc("%.3d|%8.3d|%-8.3d|", 7, 7, 7);
    check_like_libc("%.0d|", 0);
    check_like_libc("%o %#o", 8u, 8u);
    check_like_libc("%*d|%-*d|", 6, 42, 6, 42);
}

TEST_CASE("format matches libc for strings and characters", "[format]")
{
    check_like_libc("%s", "hello");
    check_like_libc("[%10s][%-10s]", "ab", "ab");
    check_like_libc("[%.2s][%5.1s]", "abc", "xyz");
    check_like_libc("%c%c%c", 'a', 'b', 'c');
    check_like_libc("100%%");
    check_like_libc("%p", reinterpret_cast<void*>(0x1234));
}

TEST_CASE("format truncates safely and reports the full length", "[format]")
{
    char small[6];
    size_t length = format_string(small, sizeof(small), "%s-%d", "abcdef", 12345);
    CHECK(length == 12);
    CHECK(std::string(small) == "abcde");

    char one[1] = { 'x' };
    CHECK(format_string(one, 1, "abc") == 3);
    CHECK(one[0] == '\0');

    CHECK(format_string(nullptr, 0, "%d", 99) == 2);
}

TEST_CASE("format copes with odd specifications", "[format]")
{
    char out[32];
    const char* volatile null_string = nullptr; // hidden from the compiler's checks
    format_string(out, sizeof(out), "%s", null_string);
    CHECK(std::string(out) == "(null)");
    // Built at run time so the compiler's format check lets them through.
    const char* trailing_percent = "50%";
    const char* unknown_conversion = "%q";
    format_string(out, sizeof(out), trailing_percent, 0);
    CHECK(std::string(out) == "50");
    format_string(out, sizeof(out), unknown_conversion, 0);
    CHECK(std::string(out) == "%q");
}
