// glibc-shim misc/: getopt, fnmatch, basename/dirname, signal sets,
// __assert_fail, errno storage; locale/.
#include "support/child_process.h"
#include "support/shim.h"

#include <catch.hpp>
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <fnmatch.h>
#include <locale.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

// argv from words (kept alive by the vector of strings).
struct Arguments {
    std::vector<std::string> words;
    std::vector<char*> pointers;

    explicit Arguments(std::vector<std::string> list)
        : words(std::move(list))
    {
        for (std::string& word : words)
            pointers.push_back(word.data());
        pointers.push_back(nullptr);
    }
    int count() const { return static_cast<int>(words.size()); }
    char** argv() { return pointers.data(); }
};

// Every getopt result as "<letter>" or "<letter>=<argument>", until -1.
std::vector<std::string> run_getopt(Arguments& arguments, const char* options)
{
    shim_optind = 1;
    shim_opterr = 0;
    std::vector<std::string> results;
    for (int c; (c = shim_getopt(arguments.count(), arguments.argv(), options)) != -1;) {
        std::string result(1, static_cast<char>(c));
        if (shim_optarg != nullptr && c != '?' && c != ':')
            result += "=" + std::string(shim_optarg);
        results.push_back(result);
    }
    return results;
}

} // namespace

TEST_CASE("shim getopt handles clusters, attached and separate arguments, and --")
{
    Arguments arguments({ "prog", "-ab", "-ofile", "-o", "other", "-c", "--", "-a", "operand" });
    CHECK(run_getopt(arguments, "abco:") == std::vector<std::string> { "a", "b", "o=file", "o=other", "c" });
    CHECK(shim_optind == 7);
    CHECK(std::string(arguments.argv()[shim_optind]) == "-a");

    Arguments stops({ "prog", "-a", "operand", "-b" });
    CHECK(run_getopt(stops, "ab") == std::vector<std::string> { "a" });
    CHECK(shim_optind == 2);

    Arguments unknown({ "prog", "-xa", "-o" });
    CHECK(run_getopt(unknown, "ao:") == std::vector<std::string> { "?", "a", "?" });
    CHECK(shim_optopt == 'o');
    CHECK(run_getopt(unknown, ":ao:") == std::vector<std::string> { "?", "a", ":" });

    Arguments optional({ "prog", "-ovalue", "-o", "next" });
    CHECK(run_getopt(optional, "o::") == std::vector<std::string> { "o=value", "o" });
    CHECK(shim_optind == 3);

    Arguments dash({ "prog", "-", "-a" });
    CHECK(run_getopt(dash, "a").empty());
    CHECK(shim_optind == 1);
}

TEST_CASE("shim getopt_long reads --name, --name=value, abbreviations and flags")
{
    int verbose = 0;
    const struct option options[] = {
        { "verbose", no_argument, &verbose, 1 },
        { "output", required_argument, nullptr, 'o' },
        { "optional", optional_argument, nullptr, 'p' },
        { "outline", no_argument, nullptr, 'l' },
        { nullptr, 0, nullptr, 0 },
    };
    Arguments arguments({ "prog", "--verbose", "--output=x", "--output", "y", "--optional", "--outl", "-a", "--out",
        "--bogus", "--outline=3", "rest" });
    shim_optind = 1;
    shim_opterr = 0;
    std::vector<std::string> results;
    int index = -1;
    for (int c; (c = shim_getopt_long(arguments.count(), arguments.argv(), "ao:", options, &index)) != -1;) {
        std::string result = c == 0 ? "flag" : std::string(1, static_cast<char>(c));
        if (shim_optarg != nullptr && c != '?')
            result += "=" + std::string(shim_optarg);
        results.push_back(result);
    }
    CHECK(verbose == 1);
    // --out is ambiguous (output, outline), --bogus unknown, --outline takes no argument.
    CHECK(results == std::vector<std::string> { "flag", "o=x", "o=y", "p", "l", "a", "?", "?", "?" });
    CHECK(std::string(arguments.argv()[shim_optind]) == "rest");

    Arguments only({ "prog", "-output", "z", "-a" });
    shim_optind = 1;
    CHECK(shim_getopt_long_only(only.count(), only.argv(), "a", options, &index) == 'o');
    CHECK(std::string(shim_optarg) == "z");
    CHECK(shim_getopt_long_only(only.count(), only.argv(), "a", options, &index) == 'a');
    CHECK(shim_getopt_long_only(only.count(), only.argv(), "a", options, &index) == -1);
}

TEST_CASE("shim fnmatch matches wildcards, sets, escapes and the path and period rules")
{
    struct Case {
        const char* pattern;
        const char* name;
        int flags;
        bool matches;
    };
    const Case cases[] = {
        { "*", "anything", 0, true },
        { "*.c", "main.c", 0, true },
        { "*.c", "main.h", 0, false },
        { "a?c", "abc", 0, true },
        { "a?c", "ac", 0, false },
        { "[abc]x", "bx", 0, true },
        { "[!abc]x", "bx", 0, false },
        { "[^abc]x", "dx", 0, true },
        { "[a-f]*", "echo", 0, true },
        { "[a-f]*", "zeta", 0, false },
        { "[]]", "]", 0, true },
        { "[a-]", "-", 0, true },
        { "\\*", "*", 0, true },
        { "\\*", "x", 0, false },
        { "\\*", "\\*", FNM_NOESCAPE, true },
        { "[", "[", 0, true },
        { "*/*.c", "dir/file.c", FNM_PATHNAME, true },
        { "*.c", "dir/file.c", FNM_PATHNAME, false },
        { "*.c", "dir/file.c", 0, true },
        { "a?b", "a/b", FNM_PATHNAME, false },
        { "*", ".hidden", FNM_PERIOD, false },
        { ".*", ".hidden", FNM_PERIOD, true },
        { "dir/*", "dir/.hidden", FNM_PATHNAME | FNM_PERIOD, false },
        { "*", ".hidden", 0, true },
        { "ABC", "abc", FNM_CASEFOLD, true },
        { "dir", "dir/sub/file", FNM_LEADING_DIR, true },
        { "*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, false },
        { "", "", 0, true },
        { "", "x", 0, false },
    };
    for (const Case& c : cases) {
        INFO(c.pattern << " vs " << c.name << " flags " << c.flags);
        CHECK((shim_fnmatch(c.pattern, c.name, c.flags) == 0) == c.matches);
    }
    CHECK(shim_fnmatch("x", "y", 0) == FNM_NOMATCH);
}

TEST_CASE("shim basename and dirname follow POSIX, trailing slashes included")
{
    struct Case {
        const char* path;
        const char* base;
        const char* directory;
    };
    const Case cases[] = {
        { "/usr/lib", "lib", "/usr" },
        { "/usr/", "usr", "/" },
        { "usr", "usr", "." },
        { "/", "/", "/" },
        { ".", ".", "." },
        { "..", "..", "." },
        { "a//b//", "b", "a" },
        { "//x", "x", "/" },
        { "", ".", "." },
    };
    for (const Case& c : cases) {
        INFO(c.path);
        std::string first = c.path;
        std::string second = c.path;
        CHECK(std::string(shim_basename(first.data())) == c.base);
        CHECK(std::string(shim_dirname(second.data())) == c.directory);
    }
    CHECK(std::string(shim_basename(nullptr)) == ".");
}

TEST_CASE("shim signal sets hold signals 1 to 64 and reject others")
{
    sigset_t set;
    shim_sigemptyset(&set);
    for (int signal_number = 1; signal_number < 65; ++signal_number)
        REQUIRE(shim_sigismember(&set, signal_number) == 0);
    CHECK(shim_sigaddset(&set, SIGINT) == 0);
    CHECK(shim_sigaddset(&set, 64) == 0);
    CHECK(shim_sigismember(&set, SIGINT) == 1);
    CHECK(shim_sigismember(&set, 64) == 1);
    CHECK(shim_sigismember(&set, SIGTERM) == 0);
    // Same bit positions as the host glibc's.
    CHECK(sigismember(&set, SIGINT) == 1);
    CHECK(shim_sigdelset(&set, SIGINT) == 0);
    CHECK(shim_sigismember(&set, SIGINT) == 0);
    shim_errno() = 0;
    CHECK(shim_sigaddset(&set, 0) == -1);
    CHECK(shim_errno() == EINVAL);
    CHECK(shim_sigaddset(&set, 65) == -1);
    shim_sigfillset(&set);
    CHECK(shim_sigismember(&set, SIGKILL) == 1);
}

TEST_CASE("shim __assert_fail names the failed expression on fd 2 and aborts")
{
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    static int fd;
    fd = pipe_fds[1];
    int status = test_support::run_in_child([] {
        dup2(fd, 2);
        shim___assert_fail("x > 0", "file.c", 12, "check");
    });
    close(pipe_fds[1]);
    std::string message;
    char buffer[256];
    for (ssize_t length; (length = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<size_t>(length));
    close(pipe_fds[0]);
    CHECK(message == "file.c:12: check: Assertion `x > 0' failed.\n");
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT));
}

TEST_CASE("shim errno is one place, apart from the host's")
{
    CHECK(shim___errno_location() == shim___errno_location());
    CHECK(shim___errno_location() != &errno);
}

TEST_CASE("shim setlocale knows only C; localeconv describes it")
{
    CHECK(std::string(shim_setlocale(LC_ALL, "")) == "C");
    CHECK(std::string(shim_setlocale(LC_CTYPE, "POSIX")) == "C");
    CHECK(std::string(shim_setlocale(LC_ALL, nullptr)) == "C");
    CHECK(shim_setlocale(LC_ALL, "de_DE.UTF-8") == nullptr);
    CHECK(shim_setlocale(99, "C") == nullptr);
    struct lconv* conventions = shim_localeconv();
    CHECK(std::string(conventions->decimal_point) == ".");
    CHECK(std::string(conventions->thousands_sep).empty());
    CHECK(conventions->frac_digits == CHAR_MAX);
}
