// glibc-shim string/: the shim's functions checked against expectations
// derived from the inputs (and, for mem*, against a plain byte loop).
#include "support/child_process.h"
#include "support/shim.h"

#include <catch.hpp>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

TEST_CASE("shim memcpy and memmove copy every length and alignment, overlapping or not")
{
    unsigned char source[96];
    for (int i = 0; i < 96; ++i)
        source[i] = static_cast<unsigned char>(i * 7 + 1);
    for (size_t offset = 0; offset < 9; ++offset) {
        for (size_t length = 0; length < 40; ++length) {
            unsigned char destination[96] = {};
            REQUIRE(shim_memcpy(destination + offset, source + 3, length) == destination + offset);
            for (size_t i = 0; i < length; ++i)
                REQUIRE(destination[offset + i] == source[3 + i]);
            REQUIRE(destination[offset + length] == 0);

            // Overlap both ways inside one buffer.
            unsigned char buffer[96];
            std::memcpy(buffer, source, sizeof buffer);
            shim_memmove(buffer + offset, buffer + 8, length);
            for (size_t i = 0; i < length; ++i)
                REQUIRE(buffer[offset + i] == source[8 + i]);
            std::memcpy(buffer, source, sizeof buffer);
            shim_memmove(buffer + 8, buffer + offset, length);
            for (size_t i = 0; i < length; ++i)
                REQUIRE(buffer[8 + i] == source[offset + i]);
        }
    }
    unsigned char out[8];
    REQUIRE(shim_mempcpy(out, source, 5) == out + 5);
}

TEST_CASE("shim memset, memcmp, memchr, memrchr, memmem, memccpy")
{
    unsigned char block[50];
    for (size_t offset = 0; offset < 8; ++offset) {
        std::memset(block, 1, sizeof block);
        shim_memset(block + offset, 0xab, 33);
        for (size_t i = 0; i < sizeof block; ++i)
            REQUIRE(block[i] == (i >= offset && i < offset + 33 ? 0xab : 1));
    }
    CHECK(shim_memcmp("abc", "abd", 3) < 0);
    CHECK(shim_memcmp("abd", "abc", 3) > 0);
    CHECK(shim_memcmp("ab\xff", "ab\x01", 3) > 0); // bytes compare unsigned
    CHECK(shim_memcmp("abc", "abd", 2) == 0);
    const char text[] = "hello, world";
    CHECK(shim_memchr(text, 'o', sizeof text) == text + 4);
    CHECK(shim_memrchr(text, 'o', sizeof text) == text + 8);
    CHECK(shim_memchr(text, 'z', sizeof text) == nullptr);
    CHECK(shim_memchr(text, 'w', 5) == nullptr);
    CHECK(shim_memmem(text, 12, "world", 5) == text + 7);
    CHECK(shim_memmem(text, 12, "worlds", 6) == nullptr);
    CHECK(shim_memmem(text, 12, "", 0) == text);
    const char repeats[] = "aaab";
    CHECK(shim_memmem(repeats, 4, "aab", 3) == repeats + 1);
    char copy[16] = {};
    CHECK(shim_memccpy(copy, text, ',', sizeof text) == copy + 6);
    CHECK(std::string(copy) == "hello,");
    CHECK(shim_memccpy(copy, "abc", 'z', 3) == nullptr);
    char zeroes[4] = { 1, 2, 3, 4 };
    shim_bzero(zeroes, 3);
    CHECK((zeroes[0] == 0 && zeroes[2] == 0 && zeroes[3] == 4));
}

TEST_CASE("shim string copies and lengths")
{
    char buffer[32];
    CHECK(shim_strlen("") == 0);
    CHECK(shim_strlen("portico") == 7);
    CHECK(shim_strnlen("portico", 3) == 3);
    CHECK(shim_stpcpy(buffer, "abc") == buffer + 3);
    CHECK(std::string(shim_strcat(buffer, "def")) == "abcdef");
    CHECK(std::string(shim_strncat(buffer, "ghijk", 2)) == "abcdefgh");
    std::memset(buffer, 'x', sizeof buffer);
    shim_strncpy(buffer, "ab", 5);
    CHECK((buffer[0] == 'a' && buffer[2] == 0 && buffer[4] == 0 && buffer[5] == 'x'));
    char* copy = shim_strdup("duplicate me");
    REQUIRE(copy != nullptr);
    CHECK(std::string(copy) == "duplicate me");
    shim_free(copy);
    copy = shim_strndup("duplicate me", 9);
    CHECK(std::string(copy) == "duplicate");
    shim_free(copy);
}

TEST_CASE("shim string comparisons order by unsigned bytes")
{
    CHECK(shim_strcmp("abc", "abc") == 0);
    CHECK(shim_strcmp("abc", "abd") < 0);
    CHECK(shim_strcmp("abc", "ab") > 0);
    CHECK(shim_strcmp("a\xe9", "az") > 0);
    CHECK(shim_strncmp("abcx", "abcy", 3) == 0);
    CHECK(shim_strcasecmp("HeLLo", "hello") == 0);
    CHECK(shim_strcasecmp("apple", "Banana") < 0);
    CHECK(shim_strncasecmp("ABCD", "abcz", 3) == 0);
    CHECK(shim_strcoll("a", "b") < 0);
    char out[8];
    CHECK(shim_strxfrm(out, "hello", sizeof out) == 5);
    CHECK(std::string(out) == "hello");
    CHECK(shim_strxfrm(out, "much too long", sizeof out) == 13);
}

TEST_CASE("shim strchr family, spans, strpbrk, strstr")
{
    const char* text = "a/b/c";
    CHECK(shim_strchr(text, '/') == text + 1);
    CHECK(shim_strrchr(text, '/') == text + 3);
    CHECK(shim_strchr(text, '\0') == text + 5);
    CHECK(shim_strchr(text, 'z') == nullptr);
    CHECK(shim_strchrnul(text, 'z') == text + 5);
    CHECK(shim_strspn("  \tword", " \t") == 3);
    CHECK(shim_strcspn("key=value", "=:") == 3);
    CHECK(shim_strcspn("plain", "=") == 5);
    CHECK(shim_strpbrk("key=value", ":=") == std::string("=value"));
    CHECK(shim_strpbrk("plain", "=") == nullptr);
    CHECK(shim_strstr("needle in haystack", "hay") == std::string("haystack"));
    CHECK(shim_strstr("abc", "") == std::string("abc"));
    CHECK(shim_strstr("abc", "abcd") == nullptr);
    CHECK(shim_strcasestr("Portico OS", "os") == std::string("OS"));
}

TEST_CASE("shim strtok, strtok_r and strsep split strings")
{
    char text[] = ",,one,two,,three,";
    std::vector<std::string> tokens;
    for (char* token = shim_strtok(text, ","); token != nullptr; token = shim_strtok(nullptr, ","))
        tokens.push_back(token);
    CHECK(tokens == std::vector<std::string> { "one", "two", "three" });

    char other[] = "a b";
    char* saved = nullptr;
    CHECK(std::string(shim_strtok_r(other, " ", &saved)) == "a");
    CHECK(std::string(shim_strtok_r(nullptr, " ", &saved)) == "b");
    CHECK(shim_strtok_r(nullptr, " ", &saved) == nullptr);

    char fields[] = "a::b";
    char* cursor = fields;
    std::vector<std::string> parts;
    while (char* field = shim_strsep(&cursor, ":"))
        parts.push_back(field);
    CHECK(parts == std::vector<std::string> { "a", "", "b" });
}

TEST_CASE("shim strerror and strsignal describe numbers, known or not")
{
    CHECK(std::string(shim_strerror(ENOENT)) == "No such file or directory");
    CHECK(std::string(shim_strerror(0)) == "Success");
    CHECK(std::string(shim_strerror(9999)) == "Unknown error 9999");
    CHECK(std::string(shim_strerror(-3)) == "Unknown error -3");
    char buffer[8];
    CHECK(shim___xpg_strerror_r(EACCES, buffer, sizeof buffer) == ERANGE);
    CHECK(std::string(buffer) == "Permiss");
    char big[64];
    CHECK(shim___xpg_strerror_r(EINTR, big, sizeof big) == 0);
    CHECK(std::string(big) == "Interrupted system call");
    CHECK(std::string(shim_strerror_r(EINVAL, big, sizeof big)) == "Invalid argument");
    // Every Linux number up to 133 has a text except the two holes (41, 58).
    for (int error = 1; error <= 133; ++error) {
        if (error != 41 && error != 58)
            CHECK(std::string(shim_strerror(error)).rfind("Unknown", 0) != 0);
    }
    CHECK(std::string(shim_strsignal(SIGINT)) == "Interrupt");
    CHECK(std::string(shim_strsignal(36)) == "Real-time signal 2");
    CHECK(std::string(shim_strsignal(99)) == "Unknown signal 99");
    CHECK(shim_ffs(0) == 0);
    CHECK(shim_ffs(0x18) == 4);
}

TEST_CASE("shim psignal writes the prefix and the description to fd 2")
{
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    static int fd;
    fd = pipe_fds[1];
    test_support::run_in_child([] {
        dup2(fd, 2);
        shim_psignal(SIGTERM, "worker");
        shim_psignal(SIGHUP, nullptr);
    });
    close(pipe_fds[1]);
    std::string message;
    char buffer[128];
    for (ssize_t length; (length = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<size_t>(length));
    close(pipe_fds[0]);
    CHECK(message == "worker: Terminated\nHangup\n");
}
