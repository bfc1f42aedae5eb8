// glibc-shim stdlib/: number conversions, sorting, the environment,
// exit handlers, temporary files.
#include "support/child_process.h"
#include "support/shim.h"

#include <algorithm>
#include <catch.hpp>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

TEST_CASE("shim strtol reads bases 0 and 2-36 with C's end-pointer rules")
{
    char* end = nullptr;
    CHECK(shim_strtol("  -42xyz", &end, 10) == -42);
    CHECK(std::string(end) == "xyz");
    CHECK(shim_strtol("0x1F", &end, 0) == 31);
    CHECK(shim_strtol("0x1F", &end, 16) == 31);
    CHECK(shim_strtol("017", &end, 0) == 15);
    CHECK(shim_strtol("17", &end, 0) == 17);
    CHECK(shim_strtol("zz", &end, 36) == 35 * 36 + 35);
    CHECK(shim_strtol("1011", &end, 2) == 11);
    CHECK(shim_strtol("+7", &end, 10) == 7);
    // "0x" without a hex digit: the number is the 0, the end is at 'x'.
    const char* hex_alone = "0xg";
    CHECK(shim_strtol(hex_alone, &end, 16) == 0);
    CHECK(end == hex_alone + 1);
    // No digits at all: the end is the start, even after spaces and a sign.
    const char* none = "  -x";
    CHECK(shim_strtol(none, &end, 10) == 0);
    CHECK(end == none);
    shim_errno() = 0;
    CHECK(shim_strtol("1", &end, 1) == 0);
    CHECK(shim_errno() == EINVAL);
    CHECK(shim_strtol("1", &end, 37) == 0);
}

TEST_CASE("shim strtol family saturates with ERANGE at each type's limits")
{
    char* end = nullptr;
    shim_errno() = 0;
    CHECK(shim_strtol("9223372036854775807", &end, 10) == LONG_MAX);
    CHECK(shim_errno() == 0);
    CHECK(shim_strtol("-9223372036854775808", &end, 10) == LONG_MIN);
    CHECK(shim_errno() == 0);
    CHECK(shim_strtol("9223372036854775808", &end, 10) == LONG_MAX);
    CHECK(shim_errno() == ERANGE);
    shim_errno() = 0;
    const char* huge = "-99999999999999999999999 rest";
    CHECK(shim_strtol(huge, &end, 10) == LONG_MIN);
    CHECK(shim_errno() == ERANGE);
    CHECK(std::string(end) == " rest");
    shim_errno() = 0;
    CHECK(shim_strtoul("18446744073709551615", &end, 10) == ULONG_MAX);
    CHECK(shim_errno() == 0);
    CHECK(shim_strtoul("18446744073709551616", &end, 10) == ULONG_MAX);
    CHECK(shim_errno() == ERANGE);
    shim_errno() = 0;
    CHECK(shim_strtoul("-1", &end, 10) == ULONG_MAX);
    CHECK(shim_errno() == 0);
    CHECK(shim_strtoll("-0x8000000000000000", &end, 0) == LLONG_MIN);
    CHECK(shim_strtoull("ffffffffffffffff", &end, 16) == ULLONG_MAX);
    CHECK(shim_strtoimax("-123", &end, 10) == -123);
    CHECK(shim_atoi("  123abc") == 123);
    CHECK(shim_atol("-5") == -5);
}

TEST_CASE("shim abs and div")
{
    CHECK(shim_abs(-5) == 5);
    CHECK(shim_labs(-5000000000L) == 5000000000L);
    div_t d = shim_div(-7, 2);
    CHECK((d.quot == -3 && d.rem == -1));
    ldiv_t l = shim_ldiv(7000000000L, 3);
    CHECK((l.quot == 2333333333L && l.rem == 1));
}

TEST_CASE("shim rand stays in range, repeats with the same seed, and varies")
{
    shim_srand(42);
    std::vector<int> first;
    for (int i = 0; i < 100; ++i) {
        int value = shim_rand();
        REQUIRE((value >= 0 && value <= RAND_MAX));
        first.push_back(value);
    }
    shim_srand(42);
    for (int i = 0; i < 100; ++i)
        REQUIRE(shim_rand() == first[i]);
    std::sort(first.begin(), first.end());
    CHECK(std::unique(first.begin(), first.end()) - first.begin() > 90);
    // Low bits are not periodic with a short period.
    int odd = 0;
    for (int value : first)
        odd += value & 1;
    CHECK((odd > 20 && odd < 80));
    unsigned int state = 7;
    int a = shim_rand_r(&state);
    unsigned int again = 7;
    CHECK(shim_rand_r(&again) == a);
}

namespace {

int compare_ints(const void* a, const void* b)
{
    int left = *static_cast<const int*>(a);
    int right = *static_cast<const int*>(b);
    return (left > right) - (left < right);
}

long g_comparisons;
int counting_compare(const void* a, const void* b)
{
    ++g_comparisons;
    return compare_ints(a, b);
}

} // namespace

TEST_CASE("shim qsort sorts random, sorted, reversed and equal input without quadratic time")
{
    std::mt19937 generator(1);
    for (int shape = 0; shape < 5; ++shape) {
        std::vector<int> values(20000);
        for (size_t i = 0; i < values.size(); ++i) {
            switch (shape) {
            case 0: values[i] = static_cast<int>(generator() % 1000); break;
            case 1: values[i] = static_cast<int>(i); break;
            case 2: values[i] = static_cast<int>(values.size() - i); break;
            case 3: values[i] = 5; break;
            default: values[i] = static_cast<int>(i % 2 ? i : values.size() - i); break; // organ pipe-ish
            }
        }
        std::vector<int> expected = values;
        std::sort(expected.begin(), expected.end());
        g_comparisons = 0;
        shim_qsort(values.data(), values.size(), sizeof(int), counting_compare);
        INFO("shape " << shape);
        CHECK(values == expected);
        // n log2 n is about 286000 here; quadratic would be 2e8.
        CHECK(g_comparisons < 2000000);
    }
    // Odd element sizes.
    struct Record {
        char key;
        char payload[6];
    };
    std::vector<Record> records;
    for (char c : std::string("portico"))
        records.push_back(Record { c, { c, c, c, c, c, c } });
    shim_qsort(records.data(), records.size(), sizeof(Record), [](const void* a, const void* b) {
        return static_cast<const Record*>(a)->key - static_cast<const Record*>(b)->key;
    });
    std::string keys;
    for (const Record& record : records) {
        keys += record.key;
        CHECK(record.payload[5] == record.key);
    }
    CHECK(keys == "ciooprt");
    int key = 0;
    shim_qsort_r(
        &key, 1, sizeof key, [](const void*, const void*, void*) { return 0; }, nullptr);
    shim_qsort(nullptr, 0, sizeof(int), compare_ints);
}

TEST_CASE("shim bsearch finds present keys and only them")
{
    int values[] = { 1, 3, 5, 7, 9, 11 };
    for (int key = 0; key <= 12; ++key) {
        auto* found = static_cast<int*>(shim_bsearch(&key, values, 6, sizeof(int), compare_ints));
        if (key % 2 == 1 && key <= 11)
            CHECK((found != nullptr && *found == key));
        else
            CHECK(found == nullptr);
    }
    int key = 1;
    CHECK(shim_bsearch(&key, values, 0, sizeof(int), compare_ints) == nullptr);
}

TEST_CASE("shim getenv, setenv, unsetenv, putenv and clearenv work over environ")
{
    char first[] = "HOME=/root";
    char second[] = "PATH=/bin";
    char* initial[] = { first, second, nullptr };
    shim_environ = initial;
    CHECK(std::string(shim_getenv("HOME")) == "/root");
    CHECK(shim_getenv("HOM") == nullptr);
    CHECK(shim_getenv("") == nullptr);
    CHECK(shim_setenv("HOME", "/elsewhere", 0) == 0);
    CHECK(std::string(shim_getenv("HOME")) == "/root");
    CHECK(shim_setenv("HOME", "/elsewhere", 1) == 0);
    CHECK(std::string(shim_getenv("HOME")) == "/elsewhere");
    // The program's own array is not written.
    CHECK(initial[0] == first);
    for (int i = 0; i < 50; ++i)
        REQUIRE(shim_setenv(("VARIABLE" + std::to_string(i)).c_str(), std::to_string(i).c_str(), 1) == 0);
    CHECK(std::string(shim_getenv("VARIABLE37")) == "37");
    CHECK(std::string(shim_getenv("PATH")) == "/bin");
    shim_errno() = 0;
    CHECK(shim_setenv("A=B", "x", 1) == -1);
    CHECK(shim_errno() == EINVAL);
    CHECK(shim_unsetenv("PATH") == 0);
    CHECK(shim_getenv("PATH") == nullptr);
    CHECK(std::string(shim_getenv("VARIABLE49")) == "49");
    char assignment[] = "EDITOR=vi";
    CHECK(shim_putenv(assignment) == 0);
    assignment[7] = 'e';
    CHECK(std::string(shim_getenv("EDITOR")) == "ei"); // the string itself is used
    CHECK(shim_clearenv() == 0);
    CHECK(shim_getenv("HOME") == nullptr);
    CHECK(shim_setenv("ONLY", "one", 1) == 0);
    CHECK(std::string(shim_getenv("ONLY")) == "one");
    shim_clearenv();
}

TEST_CASE("shim exit runs atexit handlers last-registered first, then exits with the status")
{
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    static int fd;
    fd = pipe_fds[1];
    int status = test_support::run_in_child([] {
        shim_atexit([] { write(fd, "1", 1); });
        shim_atexit([] { write(fd, "2", 1); });
        shim_exit(7);
    });
    close(pipe_fds[1]);
    std::string order;
    char buffer[8];
    for (ssize_t length; (length = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        order.append(buffer, static_cast<size_t>(length));
    close(pipe_fds[0]);
    CHECK(order == "21");
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 7));
    CHECK(test_support::aborts([] { shim_abort(); }));
}

TEST_CASE("shim mkstemp and mkdtemp create new files and directories from a template")
{
    char name[] = "/tmp/shim-test-XXXXXX";
    int fd = shim_mkstemp(name);
    REQUIRE(fd >= 0);
    CHECK(std::string(name).find("XXXXXX") == std::string::npos);
    struct stat status;
    REQUIRE(fstat(fd, &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    close(fd);
    unlink(name);
    char directory[] = "/tmp/shim-dir-XXXXXX";
    REQUIRE(shim_mkdtemp(directory) != nullptr);
    REQUIRE(stat(directory, &status) == 0);
    CHECK(S_ISDIR(status.st_mode));
    rmdir(directory);
    char bad[] = "/tmp/no-placeholder";
    shim_errno() = 0;
    CHECK(shim_mkstemp(bad) == -1);
    CHECK(shim_errno() == EINVAL);
}
