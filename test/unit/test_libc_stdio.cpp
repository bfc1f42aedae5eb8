// The libc's printf engine, strtod and FILE streams (glibc-shim/stdio,
// glibc-shim/stdlib/strtod.cpp), compared byte for byte with the host's C
// library, and streams over real temporary files.
#include "support/shim_stdio.h"

#include <catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

double random_double(std::mt19937_64& random)
{
    uint64_t bits = random();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Both libraries' output for one double, or an empty string when equal.
std::string mismatch(const char* format, double value)
{
    char host[1600];
    char shim[1600];
    int host_length = std::snprintf(host, sizeof host, format, value);
    int shim_length = shim_snprintf(shim, sizeof shim, format, value);
    if (host_length == shim_length && std::strcmp(host, shim) == 0)
        return {};
    return std::string(format) + ": host '" + host + "' shim '" + shim + "'";
}

// A temporary file name under /tmp, removed at the end of the test.
struct TemporaryPath {
    char path[64] = "/tmp/portico_stdio_XXXXXX";
    TemporaryPath()
    {
        int fd = mkstemp(path);
        REQUIRE(fd >= 0);
        close(fd);
    }
    ~TemporaryPath() { unlink(path); }
};

std::string host_contents(const char* path)
{
    std::string text;
    FILE* file = std::fopen(path, "rb");
    REQUIRE(file != nullptr);
    char chunk[256];
    size_t got;
    while ((got = std::fread(chunk, 1, sizeof chunk, file)) > 0)
        text.append(chunk, got);
    std::fclose(file);
    return text;
}

long host_size(const char* path)
{
    struct stat status;
    REQUIRE(stat(path, &status) == 0);
    return status.st_size;
}

} // namespace

TEST_CASE("snprintf prints random doubles exactly as the host does", "[libc][stdio]")
{
    std::mt19937_64 random(20261201);
    const char* formats[] = { "%.17g", "%e", "%f", "%a", "%g", "%.0f", "%.3e", "%.14g", "%.0e", "%#.0f", "%+.3a",
        "%.1a", "%010.3f", "%-12e|", "% .5g", "%.20e", "%.300f", "%G", "%E", "%A", "%#.3g", "%.40g", "%#a", "%012a",
        "%.0a", "%+g", "%15.7f" };
    int failures = 0;
    for (const char* format : formats) {
        for (int i = 0; i < 3000; ++i) {
            double value = i % 2 == 0
                ? random_double(random)
                : static_cast<double>(random() % 20000000) / static_cast<double>(1 << (random() % 24));
            std::string difference = mismatch(format, value);
            if (!difference.empty() && ++failures < 10)
                FAIL_CHECK(difference);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("snprintf's edge cases of doubles match the host", "[libc][stdio]")
{
    double values[] = { 0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e300, 1e-300, 4.9e-324, 1.7976931348623157e308,
        INFINITY, -INFINITY, NAN, 9.9999999, 0.1, 1e23, 2.2250738585072014e-308, 0.00001, 0.0001, 1e15, 1e16, 1e17, 9.5,
        0.95, 1.0, 123456789.0, 5e-5, 0.0009765625 };
    const char* formats[] = { "%.17g", "%e", "%f", "%a", "%g", "%.0f", "%.1f", "%.2f", "%.0e", "%#g", "%.14g", "%5.1f",
        "%-8.3g|", "%08.2f", "%+.0f", "%.350f", "%.1a", "%.0a", "%.13a", "%.20a" };
    for (const char* format : formats) {
        for (double value : values) {
            INFO(format << " of " << value);
            CHECK(mismatch(format, value).empty());
        }
    }
    char text[64];
    shim_snprintf(text, sizeof text, "%.0f %.0f %.0f %.2f", 0.5, 1.5, 2.5, 0.125);
    CHECK(std::string(text) == "0 2 2 0.12"); // ties go to even
    shim_snprintf(text, sizeof text, "%.17g", 0.1);
    CHECK(std::string(text) == "0.10000000000000001");
}

TEST_CASE("snprintf prints 1e300 with all its digits", "[libc][stdio]")
{
    char shim[400];
    char host[400];
    shim_snprintf(shim, sizeof shim, "%f", 1e300);
    std::snprintf(host, sizeof host, "%f", 1e300);
    CHECK(std::string(shim) == host);
    CHECK(std::strlen(shim) == 301 + 7);
}

TEST_CASE("snprintf's integers, strings and flags match the host", "[libc][stdio]")
{
    const char* formats[] = { "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%#x", "%#o", "%o", "%X", "%#X",
        "%u", "%hhd", "%hd", "%hhu", "%.0d", "%#.0o", "%10.4d", "%-+8d|", "%08.3d", "%c", "%%d", "%+05d" };
    long long values[] = { 0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483648LL, 123456 };
    for (const char* format : formats) {
        for (long long value : values) {
            char host[128];
            char shim[128];
            int host_length = std::snprintf(host, sizeof host, format, static_cast<int>(value));
            int shim_length = shim_snprintf(shim, sizeof shim, format, static_cast<int>(value));
            INFO(format << " of " << value);
            CHECK(host_length == shim_length);
            CHECK(std::string(host) == shim);
        }
    }
    const char* long_formats[] = { "%lld", "%llx", "%llo", "%lu", "%zu", "%jd", "%td", "%20lld|", "%-20llX|" };
    long long long_values[] = { 0, -1, 9223372036854775807LL, -9223372036854775807LL - 1, 1234567890123LL };
    for (const char* format : long_formats) {
        for (long long value : long_values) {
            char host[128];
            char shim[128];
            std::snprintf(host, sizeof host, format, value);
            shim_snprintf(shim, sizeof shim, format, value);
            INFO(format << " of " << value);
            CHECK(std::string(host) == shim);
        }
    }
    char text[128];
    shim_snprintf(text, sizeof text, "%s|%10s|%-10s|%.2s|%p|%p|%5c|", "abc", "def", "gh", "xyz", nullptr,
        reinterpret_cast<void*>(0x1234), 'q');
    CHECK(std::string(text) == "abc|       def|gh        |xy|(nil)|0x1234|    q|");
    shim_snprintf(text, sizeof text, "%*d|%-*d|%.*f|%*d", 5, 3, 4, 2, 2, 3.14159, -4, 7);
    CHECK(std::string(text) == "    3|2   |3.14|7   ");
}

TEST_CASE("snprintf writes wide characters as UTF-8", "[libc][stdio]")
{
    char text[64];
    CHECK(shim_snprintf(text, sizeof text, "[%lc|%ls|%.3ls|%5ls]", 0xe9, L"a\u20acb", L"\u20acx", L"ab") == 20);
    CHECK(std::string(text)
        == "[\xc3\xa9|a\xe2\x82\xac"
           "b|\xe2\x82\xac|   ab]");
    CHECK(shim_snprintf(text, sizeof text, "%lc", 0xd800) == -1);
}

TEST_CASE("snprintf counts past a short buffer and always terminates", "[libc][stdio]")
{
    char text[8];
    std::memset(text, 'x', sizeof text);
    CHECK(shim_snprintf(text, 5, "%s-%d", "hello", 42) == 8);
    CHECK(std::string(text) == "hell");
    CHECK(text[5] == 'x');
    CHECK(shim_snprintf(nullptr, 0, "%d", 123456) == 6);
    int count = 0;
    shim_snprintf(text, sizeof text, "ab%ncd", &count);
    CHECK(count == 2);
    char* allocated = nullptr;
    CHECK(shim_asprintf(&allocated, "%s %05.1f", "pi", 3.14159) == 8);
    REQUIRE(allocated != nullptr);
    CHECK(std::string(allocated) == "pi 003.1");
    shim_free(allocated);
}

TEST_CASE("snprintf takes numbered arguments", "[libc][stdio]")
{
    char text[64];
    shim_snprintf(text, sizeof text, "%2$s %1$s %3$*4$d|%3$-*4$d|", "world", "hello", 7, 3);
    CHECK(std::string(text) == "hello world   7|7  |");
    shim_snprintf(text, sizeof text, "%2$.3f %1$lld", 12LL, 2.5);
    CHECK(std::string(text) == "2.500 12");
    // A gap leaves the type of the later arguments unknown: refused.
    CHECK(shim_snprintf(text, sizeof text, "%3$d", 1, 2, 3) == -1);
}

TEST_CASE("strtod rounds every printed double back to itself, as the host does", "[libc][stdlib]")
{
    std::mt19937_64 random(5);
    int failures = 0;
    for (int i = 0; i < 20000; ++i) {
        double value = random_double(random);
        if (std::isnan(value))
            continue;
        char text[128];
        const char* formats[] = { "%.17g", "%.40e", "%a", "%.*e" };
        for (const char* format : formats) {
            if (std::strcmp(format, "%.*e") == 0)
                std::snprintf(text, sizeof text, format, static_cast<int>(random() % 25), value);
            else
                std::snprintf(text, sizeof text, format, value);
            char* host_end;
            char* shim_end;
            double host = std::strtod(text, &host_end);
            double shim = shim_strtod(text, &shim_end);
            float host_float = std::strtof(text, nullptr);
            float shim_float = shim_strtof(text, nullptr);
            bool same = std::memcmp(&host, &shim, sizeof host) == 0 && host_end == shim_end
                && std::memcmp(&host_float, &shim_float, sizeof host_float) == 0;
            if (!same && ++failures < 10)
                FAIL_CHECK(text);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("strtod's special forms, ends and ERANGE", "[libc][stdlib]")
{
    const char* inputs[] = { "0", "-0", "1.5", "  -2.5e3x", "inf", "-Infinity", "nan", "nanx", "0x1p3", "0x1.8p-1",
        "0X.8", "0x", "0xg", ".5", ".", "e5", "1e", "1e+", "1e400", "-1e400", "1e-400", "4.9e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623158e308", "1.7976931348623159e308",
        "2.2250738585072011e-308", "0x1.fffffffffffff8p1023", "0x1.00000000000008p0", "0x1.00000000000018p0",
        "123456789012345678901234567890", "0.000000000000000000000000000001234", "1e23", "3.4028235e38",
        "1.17549435e-38", "1e-45", "", "+", "-.e1", "0x0.0000000000001p-1022", "00000000000000000000001.5e-0000003" };
    for (const char* input : inputs) {
        INFO("'" << input << "'");
        char* host_end;
        char* shim_end;
        errno = 0;
        double host = std::strtod(input, &host_end);
        int host_errno = errno;
        shim_errno() = 0;
        double shim = shim_strtod(input, &shim_end);
        int error = shim_errno();
        if (std::isnan(host))
            CHECK(std::isnan(shim));
        else
            CHECK(std::memcmp(&host, &shim, sizeof host) == 0);
        CHECK(host_end - input == shim_end - input);
        CHECK(host_errno == error);
    }
    // A number longer than the decimal's capacity still rounds correctly:
    // the smallest subnormal's halfway point, exactly, then just above it.
    std::string halfway
        = "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618"
          "9898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359"
          "3180284993653615250031937045767824921936562366986365848075700158576926990370631192827955855133292783"
          "4338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857"
          "3934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144"
          "6729184030053005753084904876539171138659164623952491262365388187963623937328042389101867234849766823"
          "5089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451"
          "396213837722826145437693412532098591327667236328125e-324";
    CHECK(shim_strtod(halfway.c_str(), nullptr) == 0.0);
    halfway[halfway.size() - 6] = '6';
    CHECK(shim_strtod(halfway.c_str(), nullptr) == 4.9406564584124654e-324);
    CHECK(shim_atof("  12.5e1") == 125.0);
}

TEST_CASE("A file written through the shim's FILE reads back, buffered as promised", "[libc][stdio]")
{
    TemporaryPath file;
    FILE* out = shim_fopen(file.path, "w");
    REQUIRE(out != nullptr);
    CHECK(shim_fputs("first line\n", out) >= 0);
    CHECK(shim_fprintf(out, "%d %s %.3f\n", 42, "second", 2.5) == 16);
    CHECK(shim_fputc('x', out) == 'x');
    // Fully buffered: nothing reached the file yet.
    CHECK(host_size(file.path) == 0);
    CHECK(shim_fflush(out) == 0);
    CHECK(host_size(file.path) == 28);
    std::string big(20000, 'b');
    CHECK(shim_fwrite(big.data(), 1, big.size(), out) == big.size());
    CHECK(shim_fclose(out) == 0);
    CHECK(host_contents(file.path) == "first line\n42 second 2.500\nx" + big);

    FILE* in = shim_fopen(file.path, "r");
    REQUIRE(in != nullptr);
    char line[64];
    REQUIRE(shim_fgets(line, sizeof line, in) != nullptr);
    CHECK(std::string(line) == "first line\n");
    CHECK(shim_fgetc(in) == '4');
    CHECK(shim_ungetc('Z', in) == 'Z');
    CHECK(shim_fgetc(in) == 'Z');
    CHECK(shim_ftell(in) == 12);
    char* getline_buffer = nullptr;
    size_t capacity = 0;
    CHECK(shim_getline(&getline_buffer, &capacity, in) == 15);
    CHECK(std::string(getline_buffer) == "2 second 2.500\n");
    CHECK(shim_fseek(in, -5, SEEK_END) == 0);
    char tail[8] = {};
    CHECK(shim_fread(tail, 1, 8, in) == 5);
    CHECK(std::string(tail) == "bbbbb");
    CHECK(shim_feof(in) != 0);
    CHECK(shim_fgetc(in) == EOF);
    shim_rewind(in);
    CHECK(shim_feof(in) == 0);
    CHECK(shim_fgetc(in) == 'f');
    shim_free(getline_buffer);
    CHECK(shim_fclose(in) == 0);
}

TEST_CASE("Append, update and unbuffered streams", "[libc][stdio]")
{
    TemporaryPath file;
    FILE* out = shim_fopen(file.path, "w");
    REQUIRE(out != nullptr);
    REQUIRE(shim_setvbuf(out, nullptr, _IONBF, 0) == 0);
    shim_fputs("abc", out);
    CHECK(host_size(file.path) == 3); // unbuffered: written at once
    shim_fclose(out);

    FILE* append = shim_fopen(file.path, "a");
    REQUIRE(append != nullptr);
    shim_fputs("def", append);
    CHECK(shim_ftell(append) == 6);
    shim_fclose(append);
    CHECK(host_contents(file.path) == "abcdef");

    FILE* update = shim_fopen(file.path, "r+");
    REQUIRE(update != nullptr);
    CHECK(shim_fgetc(update) == 'a');
    CHECK(shim_fseek(update, 0, SEEK_CUR) == 0);
    shim_fputc('X', update);
    CHECK(shim_fseek(update, 0, SEEK_SET) == 0);
    char text[8] = {};
    CHECK(shim_fread(text, 1, 7, update) == 6);
    CHECK(std::string(text) == "aXcdef");
    shim_fclose(update);

    CHECK(shim_fopen("/nonexistent-dir/file", "r") == nullptr);
    CHECK(shim_fopen(file.path, "q") == nullptr);
    FILE* read_only = shim_fopen(file.path, "r");
    REQUIRE(read_only != nullptr);
    CHECK(shim_fputc('x', read_only) == EOF);
    CHECK(shim_ferror(read_only) != 0);
    shim_clearerr(read_only);
    CHECK(shim_ferror(read_only) == 0);
    shim_fclose(read_only);
    CHECK(shim_remove(file.path) == 0);
    CHECK(access(file.path, F_OK) != 0);
}

TEST_CASE("fflush(NULL) and __libc_flush_all write every stream", "[libc][stdio]")
{
    TemporaryPath first;
    TemporaryPath second;
    FILE* a = shim_fopen(first.path, "w");
    FILE* b = shim_fopen(second.path, "w");
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    shim_fputs("one", a);
    shim_fputs("two", b);
    CHECK(host_size(first.path) == 0);
    CHECK(shim_fflush(nullptr) == 0);
    CHECK(host_contents(first.path) == "one");
    CHECK(host_contents(second.path) == "two");
    shim_fputs("!", a);
    shim___libc_flush_all();
    CHECK(host_contents(first.path) == "one!");
    shim_fclose(a);
    shim_fclose(b);
}

TEST_CASE("Memory streams and tmpfile", "[libc][stdio]")
{
    char buffer[16];
    FILE* memory = shim_fmemopen(buffer, sizeof buffer, "w");
    REQUIRE(memory != nullptr);
    shim_fprintf(memory, "%d-%s", 12, "ab");
    shim_fclose(memory);
    CHECK(std::string(buffer) == "12-ab");

    FILE* reading = shim_fmemopen(const_cast<char*>("line one\nline two\n"), 18, "r");
    REQUIRE(reading != nullptr);
    char line[32];
    REQUIRE(shim_fgets(line, sizeof line, reading) != nullptr);
    REQUIRE(shim_fgets(line, sizeof line, reading) != nullptr);
    CHECK(std::string(line) == "line two\n");
    CHECK(shim_fgets(line, sizeof line, reading) == nullptr);
    shim_fclose(reading);

    char* grown = nullptr;
    size_t size = 0;
    FILE* growing = shim_open_memstream(&grown, &size);
    REQUIRE(growing != nullptr);
    for (int i = 0; i < 1000; ++i)
        shim_fprintf(growing, "%d,", i);
    shim_fflush(growing);
    CHECK(size > 3000);
    CHECK(std::string(grown).substr(0, 8) == "0,1,2,3,");
    shim_fclose(growing);
    CHECK(std::strlen(grown) == size);
    shim_free(grown);

    FILE* temporary = shim_tmpfile();
    REQUIRE(temporary != nullptr);
    shim_fputs("scratch", temporary);
    shim_rewind(temporary);
    char word[16] = {};
    CHECK(shim_fread(word, 1, sizeof word - 1, temporary) == 7);
    CHECK(std::string(word) == "scratch");
    shim_fclose(temporary);
}

TEST_CASE("popen reads a shell command's output and pclose returns its status", "[libc][stdio]")
{
    FILE* pipe = shim_popen("echo hello; exit 3", "r");
    REQUIRE(pipe != nullptr);
    char line[32] = {};
    REQUIRE(shim_fgets(line, sizeof line, pipe) != nullptr);
    CHECK(std::string(line) == "hello\n");
    int status = shim_pclose(pipe);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);
}

TEST_CASE("sscanf converts as the host's does", "[libc][stdio]")
{
    struct IntegerCase {
        const char* format;
        const char* input;
    };
    const IntegerCase integer_cases[] = { { "%d %d", "12 -34" }, { "%i %i", "0x1f 017" }, { "%i", "-9" },
        { "%x%n", "ffz" }, { "%3d%d", "123456" }, { "%o", "777" }, { "%u", "+42" }, { "%d", "abc" }, { "%d", "" },
        { "%d", "   " }, { "a%db", "a5b" }, { "a%db", "x5b" }, { "%*d %d", "1 2" }, { "%d%%%d", "3%4" },
        { "%hhd", "300" }, { "%X", "0XAb" }, { "%d,%d", "7, 8" }, { "%d ,%d", "7 , 8" } };
    for (const IntegerCase& each : integer_cases) {
        INFO(each.format << " on '" << each.input << "'");
        int host[2] = { -1, -1 };
        int shim[2] = { -1, -1 };
        int host_result = std::sscanf(each.input, each.format, &host[0], &host[1]);
        int shim_result = shim_sscanf(each.input, each.format, &shim[0], &shim[1]);
        CHECK(host_result == shim_result);
        CHECK(host[0] == shim[0]);
        CHECK(host[1] == shim[1]);
    }
    double a = 0;
    double b = 0;
    float c = 0;
    CHECK(shim_sscanf("3.25 -1e3 0x1p-2", "%lf %lg %f", &a, &b, &c) == 3);
    CHECK(a == 3.25);
    CHECK(b == -1000);
    CHECK(c == 0.25f);
    CHECK(shim_sscanf("inf nan", "%lf %lf", &a, &b) == 2);
    CHECK(std::isinf(a));
    CHECK(std::isnan(b));
    char word[16] = {};
    char rest[16] = {};
    char letters[4] = {};
    int count = 0;
    CHECK(shim_sscanf("  hello world!", "%s %[a-z]%n", word, rest, &count) == 2);
    CHECK(std::string(word) == "hello");
    CHECK(std::string(rest) == "world");
    CHECK(count == 13);
    CHECK(shim_sscanf("abcdef", "%3c", letters) == 1);
    CHECK(std::string(letters, 3) == "abc");
    CHECK(shim_sscanf("key=value;", "%[^=]=%[^;]", word, rest) == 2);
    CHECK(std::string(word) == "key");
    CHECK(std::string(rest) == "value");
    long long big = 0;
    CHECK(shim_sscanf("-9223372036854775808", "%lld", &big) == 1);
    CHECK(big == INT64_MIN);
    CHECK(shim_sscanf("", "%s", word) == EOF);
}

TEST_CASE("fscanf reads numbers from a file", "[libc][stdio]")
{
    TemporaryPath file;
    FILE* out = std::fopen(file.path, "w");
    REQUIRE(out != nullptr);
    std::fputs("10 20\n3.5 name\n", out);
    std::fclose(out);
    FILE* in = shim_fopen(file.path, "r");
    REQUIRE(in != nullptr);
    int first = 0;
    int second = 0;
    double real = 0;
    char name[16] = {};
    CHECK(shim_fscanf(in, "%d %d %lf %15s", &first, &second, &real, name) == 4);
    CHECK(first == 10);
    CHECK(second == 20);
    CHECK(real == 3.5);
    CHECK(std::string(name) == "name");
    CHECK(shim_fgetc(in) == '\n');
    CHECK(shim_fscanf(in, "%d", &first) == EOF);
    shim_fclose(in);
}

TEST_CASE("A line-buffered stream writes at each newline, a full one when full", "[libc][stdio]")
{
    int ends[2];
    REQUIRE(pipe(ends) == 0);
    fcntl(ends[0], F_SETFL, O_NONBLOCK);
    FILE* out = shim_fdopen(ends[1], "w");
    REQUIRE(out != nullptr);
    char got[16] = {};
    // A pipe is no terminal: fully buffered at first.
    shim_fputs("one\n", out);
    CHECK(read(ends[0], got, sizeof got) == -1);
    // setvbuf writes what is pending first.
    REQUIRE(shim_setvbuf(out, nullptr, _IOLBF, 64) == 0);
    CHECK(read(ends[0], got, sizeof got) == 4);
    shim_fputs("ab", out);
    CHECK(read(ends[0], got, sizeof got) == -1);
    // A newline writes the buffer, the bytes after it too (as glibc does).
    shim_fputs("c\nd", out);
    CHECK(read(ends[0], got, sizeof got) == 5);
    CHECK(std::string(got, 5) == "abc\nd");
    std::string long_line(100, 'z'); // longer than the buffer: written as it fills
    shim_fputs(long_line.c_str(), out);
    char bulk[128];
    CHECK(read(ends[0], bulk, sizeof bulk) >= 64);
    shim_fclose(out);
    close(ends[0]);
}
