// The console's line discipline (servers/term/line_discipline.h): typing,
// editing, signals, the end of the file, raw mode and output processing.
#include <catch.hpp>

#include "../../servers/term/line_discipline.h"
#include "../../servers/term/termios_bits.h"

#include <string>
#include <vector>

namespace {

struct Screen final : term::Sink {
    std::string shown;
    std::vector<int32_t> signals;
    void emit(const uint8_t* bytes, size_t count) override
    {
        shown.append(reinterpret_cast<const char*>(bytes), count);
    }
    void signal(int32_t number) override { signals.push_back(number); }
};

struct Terminal {
    term::LineDiscipline line;
    Screen screen;
    void type(const std::string& keys)
    {
        for (char key : keys)
            line.input(uint8_t(key), screen);
    }
    std::string read(size_t size = 100)
    {
        std::string out(size, '\0');
        out.resize(line.read(reinterpret_cast<uint8_t*>(out.data()), size));
        return out;
    }
};

} // namespace

TEST_CASE("term: a line is readable once finished, echoed with CR LF")
{
    Terminal t;
    t.type("ls -l");
    CHECK_FALSE(t.line.readable());
    CHECK(t.screen.shown == "ls -l");
    t.type("\r"); // Enter sends CR: ICRNL makes it a newline
    REQUIRE(t.line.readable());
    CHECK(t.screen.shown == "ls -l\r\n");
    CHECK(t.read(3) == "ls "); // a short read takes part of the line
    CHECK(t.read() == "-l\n");
    CHECK_FALSE(t.line.readable());
}

TEST_CASE("term: erase, word erase and kill edit the line before it is read")
{
    Terminal t;
    t.type(std::string("helo\x7f\x7f") + "llo wrld\x17" + "world\n");
    CHECK(t.read() == "hello world\n");
    CHECK(t.screen.shown.find("\b \b") != std::string::npos);
    t.type(std::string("rm -rf /\x15") + "echo safe\n");
    CHECK(t.read() == "echo safe\n");
    t.type("\x7f\x7f"); // nothing to erase: nothing happens
    t.type("x\n");
    CHECK(t.read() == "x\n");
}

TEST_CASE("term: ^D gives a line without newline, or the end of the file on an empty line")
{
    Terminal t;
    t.type(std::string("abc") + "\x04");
    REQUIRE(t.line.readable());
    CHECK(t.read() == "abc");
    t.type("\x04");
    REQUIRE(t.line.readable());
    CHECK(t.read().empty()); // the end of the file
    CHECK_FALSE(t.line.readable());
}

TEST_CASE("term: ^C sends SIGINT to the foreground group, drops the line and echoes ^C")
{
    Terminal t;
    t.type("sleep 100");
    t.type("\x03");
    CHECK(t.screen.signals == std::vector<int32_t> { 2 });
    CHECK(t.screen.shown == "sleep 100^C");
    t.type("\n");
    CHECK(t.read() == "\n"); // the typed line went
    t.type("\x1c\x1a");
    CHECK(t.screen.signals == std::vector<int32_t> { 2, 3, 20 });
    term::Attributes raw = t.line.attributes();
    raw.local_modes &= ~term::bits::kIsig;
    t.line.set_attributes(raw);
    t.type("\x03\n");
    CHECK(t.screen.signals.size() == 3); // without ISIG ^C is a byte
    CHECK(t.read() == "\x03\n");
}

TEST_CASE("term: raw mode hands over bytes as they come, without echo")
{
    Terminal t;
    term::Attributes raw = t.line.attributes();
    raw.local_modes &= ~(term::bits::kIcanon | term::bits::kEcho);
    raw.input_modes &= ~term::bits::kIcrnl;
    t.line.set_attributes(raw);
    t.type("\x1b[A");
    REQUIRE(t.line.readable());
    CHECK(t.read(1) == "\x1b");
    CHECK(t.read() == "[A");
    CHECK(t.screen.shown.empty());
    t.type("\r\x7f");
    CHECK(t.read() == "\r\x7f"); // no CR translation, no editing
    raw.control_characters[term::bits::kVmin] = 0;
    t.line.set_attributes(raw);
    CHECK(t.line.readable()); // VMIN 0: a read never waits
    CHECK(t.read().empty());
}

TEST_CASE("term: output gets CR before LF; input past the capacity rings the bell")
{
    Terminal t;
    const uint8_t text[] = "a\nb\n";
    t.line.write(text, 4, t.screen);
    CHECK(t.screen.shown == "a\r\nb\r\n");
    t.screen.shown.clear();
    t.type(std::string(term::LineDiscipline::kCapacity + 10, 'x'));
    CHECK(t.screen.shown.back() == '\a');
    t.type("\n");
    CHECK(t.read(term::LineDiscipline::kCapacity).size() == term::LineDiscipline::kCapacity);
    t.line.flush_input();
    CHECK_FALSE(t.line.readable());
}
