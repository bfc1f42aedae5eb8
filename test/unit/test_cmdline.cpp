#include <boot/cmdline.h>
#include <catch.hpp>

#include <string>

using kern::CommandLine;

namespace {

std::string get(const CommandLine& line, const char* key)
{
    const char* value = line.get(key);
    return value ? std::string(value) : std::string("<absent>");
}

} // namespace

TEST_CASE("cmdline: flags and key=value words", "[cmdline]")
{
    CommandLine line = CommandLine::parse("  test=all quiet\tlog=serial  debug= ");
    CHECK(line.count() == 4);
    CHECK_FALSE(line.truncated());
    CHECK(get(line, "test") == "all");
    CHECK(line.has("quiet"));
    CHECK(get(line, "quiet") == "");
    CHECK(get(line, "log") == "serial");
    CHECK(line.has("debug"));
    CHECK(get(line, "debug") == "");
    CHECK_FALSE(line.has("missing"));
    CHECK(line.get("missing") == nullptr);
    CHECK_FALSE(line.has("tes"));
    CHECK_FALSE(line.has("testx"));
    CHECK(line.get(nullptr) == nullptr);
    CHECK(std::string(line.key(0)) == "test");
    CHECK(std::string(line.value(1)) == "");
    CHECK(line.key(4) == nullptr);
}

TEST_CASE("cmdline: empty and null input", "[cmdline]")
{
    for (const char* text : { static_cast<const char*>(nullptr), "", "    ", "\t\n" }) {
        CommandLine line = CommandLine::parse(text);
        CHECK(line.count() == 0);
        CHECK_FALSE(line.has(""));
        CHECK_FALSE(line.truncated());
    }
    CommandLine none;
    CHECK(none.count() == 0);
    CHECK(none.get("x") == nullptr);
}

TEST_CASE("cmdline: quotes group spaces and are removed", "[cmdline]")
{
    CommandLine line
        = CommandLine::parse("init=\"/hurd/startup --verbose x\" title=\"\" a=b\"c d\"e \"q=r s\" open=\"abc def");
    CHECK(get(line, "init") == "/hurd/startup --verbose x");
    CHECK(get(line, "title") == "");
    CHECK(get(line, "a") == "bc de");
    CHECK(get(line, "q") == "r s"); // the whole word quoted
    CHECK(get(line, "open") == "abc def"); // unterminated quote runs to the end
    CHECK(line.count() == 5);
}

TEST_CASE("cmdline: only the first '=' splits, quoted or not", "[cmdline]")
{
    CommandLine line = CommandLine::parse("root=part=2 \"a=b\"=c x=\"y=z\"");
    CHECK(get(line, "root") == "part=2");
    CHECK(get(line, "a") == "b=c");
    CHECK(get(line, "x") == "y=z");
}

TEST_CASE("cmdline: words without a key are ignored", "[cmdline]")
{
    CommandLine line = CommandLine::parse("=value \"\" x");
    CHECK(line.count() == 1);
    CHECK(line.has("x"));
    CHECK_FALSE(line.has(""));
}

TEST_CASE("cmdline: the last of repeated keys wins", "[cmdline]")
{
    CommandLine line = CommandLine::parse("level=1 level=2 level");
    CHECK(get(line, "level") == "");
    CommandLine other = CommandLine::parse("level level=3");
    CHECK(get(other, "level") == "3");
}

TEST_CASE("cmdline: numbers", "[cmdline]")
{
    CommandLine line = CommandLine::parse("a=42 b=0x1F c=0 d=16K e=2M f=1g g=0x10k h=18446744073709551615 "
                                          "i=18446744073709551616 j=abc k=12z l= m=-1 n=0x o=17179869184G "
                                          "p=0xffffffffffffffff q=0x10000000000000000 flag");
    auto number = [&](const char* key) {
        Result<uint64_t> r = line.get_number(key);
        REQUIRE(r.ok());
        return r.value();
    };
    auto error = [&](const char* key) { return line.get_number(key).error(); };
    CHECK(number("a") == 42);
    CHECK(number("b") == 0x1f);
    CHECK(number("c") == 0);
    CHECK(number("d") == 16 * 1024);
    CHECK(number("e") == 2 * 1024 * 1024);
    CHECK(number("f") == 1024ull * 1024 * 1024);
    CHECK(number("g") == 16 * 1024);
    CHECK(number("h") == 18446744073709551615ull);
    CHECK(number("p") == 0xffffffffffffffffull);
    CHECK(error("i") == Error::out_of_range);
    CHECK(error("o") == Error::out_of_range);
    CHECK(error("q") == Error::out_of_range);
    CHECK(error("j") == Error::invalid_argument);
    CHECK(error("k") == Error::invalid_argument);
    CHECK(error("l") == Error::invalid_argument);
    CHECK(error("m") == Error::invalid_argument);
    CHECK(error("n") == Error::invalid_argument);
    CHECK(error("flag") == Error::invalid_argument);
    CHECK(error("absent") == Error::not_found);
}

TEST_CASE("cmdline: too many options keeps the first ones", "[cmdline]")
{
    std::string text;
    for (size_t i = 0; i < CommandLine::kMaxOptions + 8; ++i)
        text += "k" + std::to_string(i) + "=" + std::to_string(i) + " ";
    CommandLine line = CommandLine::parse(text.c_str());
    CHECK(line.count() == CommandLine::kMaxOptions);
    CHECK(line.truncated());
    CHECK(get(line, "k0") == "0");
    CHECK(get(line, "k31") == "31");
    CHECK_FALSE(line.has("k32"));
}

TEST_CASE("cmdline: over-long input is cut at a whole word", "[cmdline]")
{
    std::string big(5000, 'v');
    std::string text = "first=1 huge=" + big + " second=2 " + std::string(600, 'a') + " " + std::string(600, 'b');
    CommandLine line = CommandLine::parse(text.c_str());
    CHECK(line.truncated());
    CHECK(get(line, "first") == "1");
    CHECK_FALSE(line.has("huge"));
    CHECK(get(line, "second") == "2");
    CHECK(line.has(std::string(600, 'a').c_str()));
    CHECK_FALSE(line.has(std::string(600, 'b').c_str()));
    // Every key and value is a terminated string inside the object.
    for (size_t i = 0; i < line.count(); ++i) {
        const char* key = line.key(i);
        CHECK(key >= reinterpret_cast<const char*>(&line));
        CHECK(key + std::string(key).size() < reinterpret_cast<const char*>(&line) + sizeof(line));
    }
}

TEST_CASE("cmdline: a word that exactly fills the buffer fits", "[cmdline]")
{
    // Offset 0 holds the shared empty value; a flag takes its length + 1.
    std::string word(CommandLine::kBufferSize - 2, 'w');
    CommandLine line = CommandLine::parse(word.c_str());
    CHECK(line.count() == 1);
    CHECK_FALSE(line.truncated());
    CommandLine over = CommandLine::parse((word + "w").c_str());
    CHECK(over.count() == 0);
    CHECK(over.truncated());
}

TEST_CASE("cmdline: copies are independent of the original", "[cmdline]")
{
    CommandLine copy;
    {
        CommandLine line = CommandLine::parse("test=all x");
        copy = line;
        line = CommandLine::parse("other");
    }
    CHECK(get(copy, "test") == "all");
    CHECK(copy.has("x"));
    CHECK_FALSE(copy.has("other"));
}
