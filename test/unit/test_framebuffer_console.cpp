// The framebuffer console drawing into host memory with a tiny hand-made
// font (5x4 pixels). The screen is read back cell by cell and each cell
// matched against the font's glyphs, so tests compare text, not pixels.
#include <catch.hpp>
#include <kern/console/framebuffer_console.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

using kern::ConsoleFont;
using kern::FramebufferConsole;
using kern::FramebufferInfo;
using kern::FramebufferType;

namespace {

constexpr uint32_t kGlyphWidth = 5, kGlyphHeight = 4;
constexpr uint8_t kSentinel = 0x5a;

// Glyph 0 (the replacement) is a full block; bits right of the 5th column
// are set in 'A' to check that they are never drawn.
const uint8_t kTestGlyphs[][kGlyphHeight] = {
    { 0xf8, 0xf8, 0xf8, 0xf8 }, // 0 replacement
    { 0x27, 0x50, 0xf8, 0x88 }, // 1 'A'
    { 0xf0, 0xf0, 0x88, 0xf0 }, // 2 'B'
    { 0x78, 0x80, 0x80, 0x78 }, // 3 'C' (also shows U+00E9)
    { 0xe0, 0x90, 0x90, 0xe0 }, // 4 'D'
    { 0x00, 0x00, 0x00, 0x00 }, // 5 ' '
};
const char kGlyphNames[] = "#ABCD ";
constexpr uint32_t kGlyphCount = sizeof(kTestGlyphs) / sizeof(kTestGlyphs[0]);

ConsoleFont make_test_font()
{
    ConsoleFont font {};
    font.width = kGlyphWidth;
    font.height = kGlyphHeight;
    font.bytes_per_row = 1;
    font.glyph_count = kGlyphCount;
    font.glyphs = &kTestGlyphs[0][0];
    for (uint8_t& glyph : font.glyph_of)
        glyph = 0;
    for (uint32_t i = 1; i < kGlyphCount; ++i)
        font.glyph_of[uint8_t(kGlyphNames[i])] = uint8_t(i);
    font.glyph_of[0xe9] = 3;
    font.replacement = 0;
    return font;
}

const ConsoleFont kTestFont = make_test_font();

// A heap framebuffer of exactly pitch * height bytes (ASan guards both
// ends), with padding after each line that the console must never write.
class TestScreen {
public:
    TestScreen(uint32_t width, uint32_t height, uint8_t bpp, uint32_t padding = 12)
    {
        m_info.width = width;
        m_info.height = height;
        m_info.bits_per_pixel = bpp;
        m_info.type = FramebufferType::rgb;
        m_bytes_per_pixel = (bpp + 7) / 8;
        m_info.pitch = width * m_bytes_per_pixel + padding;
        if (bpp == 16) { // 5-6-5
            m_info.red_position = 11, m_info.red_size = 5;
            m_info.green_position = 5, m_info.green_size = 6;
            m_info.blue_position = 0, m_info.blue_size = 5;
        } else {
            m_info.red_position = 16, m_info.red_size = 8;
            m_info.green_position = 8, m_info.green_size = 8;
            m_info.blue_position = 0, m_info.blue_size = 8;
        }
        m_size = size_t(m_info.pitch) * height;
        m_memory.reset(new uint8_t[m_size]);
        std::memset(m_memory.get(), kSentinel, m_size);
    }

    FramebufferConsole console()
    {
        Result<FramebufferConsole> made = FramebufferConsole::create(m_info, m_memory.get(), kTestFont);
        REQUIRE(made.ok());
        return made.release_value();
    }

    uint32_t pixel(uint32_t x, uint32_t y) const
    {
        uint32_t value = 0;
        std::memcpy(
            &value, m_memory.get() + size_t(y) * m_info.pitch + size_t(x) * m_bytes_per_pixel, m_bytes_per_pixel);
        return value;
    }

    // The character a cell shows: a glyph name, or '!' for pixels that are
    // no glyph.
    char cell(uint32_t column, uint32_t row) const
    {
        uint32_t fg = foreground(), bg = 0;
        for (uint32_t glyph = 0; glyph < kGlyphCount; ++glyph) {
            bool match = true;
            for (uint32_t y = 0; y < kGlyphHeight && match; ++y) {
                for (uint32_t x = 0; x < kGlyphWidth && match; ++x) {
                    bool on = kTestGlyphs[glyph][y] & (0x80 >> x);
                    match = pixel(column * kGlyphWidth + x, row * kGlyphHeight + y) == (on ? fg : bg);
                }
            }
            if (match)
                return kGlyphNames[glyph];
        }
        return '!';
    }

    std::string line(uint32_t row) const
    {
        std::string text;
        for (uint32_t column = 0; column < m_info.width / kGlyphWidth; ++column)
            text += cell(column, row);
        return text;
    }

    std::vector<std::string> lines() const
    {
        std::vector<std::string> all;
        for (uint32_t row = 0; row < m_info.height / kGlyphHeight; ++row)
            all.push_back(line(row));
        return all;
    }

    uint32_t foreground() const
    {
        return m_info.bits_per_pixel == 16 ? 0xce79 : 0xcccccc; // light grey, 0xcc per channel
    }

    // Padding bytes after each line and pixels outside the cell grid.
    bool margins_untouched_and_blank() const
    {
        for (uint32_t y = 0; y < m_info.height; ++y) {
            const uint8_t* line = m_memory.get() + size_t(y) * m_info.pitch;
            for (size_t i = m_info.width * m_bytes_per_pixel; i < m_info.pitch; ++i) {
                if (line[i] != kSentinel)
                    return false;
            }
            for (uint32_t x = 0; x < m_info.width; ++x) {
                bool in_grid
                    = x < m_info.width / kGlyphWidth * kGlyphWidth && y < m_info.height / kGlyphHeight * kGlyphHeight;
                if (!in_grid && pixel(x, y) != 0)
                    return false;
            }
        }
        return true;
    }

    FramebufferInfo& info() { return m_info; }
    uint8_t* memory() { return m_memory.get(); }

private:
    FramebufferInfo m_info {};
    uint32_t m_bytes_per_pixel;
    size_t m_size;
    std::unique_ptr<uint8_t[]> m_memory;
};

void write(FramebufferConsole& console, const std::string& text) { console.write(text.data(), text.size()); }

using Lines = std::vector<std::string>;

} // namespace

// 83 x 13 pixels: 16 columns and 3 rows of 5x4 cells, with a 3-pixel right
// margin and a 1-line bottom margin that must stay blank.
TEST_CASE("framebuffer console: a character's pixels land in its cell", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();
    CHECK(console.columns() == 16);
    CHECK(console.rows() == 3);
    CHECK(screen.lines() == Lines { "                ", "                ", "                " });

    write(console, "A");
    uint32_t fg = screen.foreground();
    // 'A' row 0 is 0x27: only the 3rd pixel of the 5 is on.
    CHECK(screen.pixel(0, 0) == 0);
    CHECK(screen.pixel(2, 0) == fg);
    CHECK(screen.pixel(5, 0) == 0); // 0x07's bits belong to no pixel
    CHECK(screen.pixel(1, 1) == fg);
    CHECK(screen.pixel(0, 2) == fg);
    CHECK(screen.pixel(4, 2) == fg);
    CHECK(screen.pixel(2, 3) == 0);
    CHECK(screen.line(0) == "A               ");
    CHECK(console.cursor_column() == 1);
    CHECK(console.cursor_row() == 0);

    write(console, "BCD");
    CHECK(screen.line(0) == "ABCD            ");
    CHECK(screen.margins_untouched_and_blank());
}

TEST_CASE("framebuffer console: control characters", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();

    SECTION("newline goes to the start of the next line")
    {
        write(console, "AB\nC");
        CHECK(screen.lines() == Lines { "AB              ", "C               ", "                " });
        CHECK(console.cursor_row() == 1);
        CHECK(console.cursor_column() == 1);
    }
    SECTION("carriage return overwrites")
    {
        write(console, "AAA\rBC");
        CHECK(screen.line(0) == "BCA             ");
    }
    SECTION("backspace moves back without erasing")
    {
        write(console, "AB\bC\b\b\b\bD");
        CHECK(screen.line(0) == "DC              ");
    }
    SECTION("tab stops every 8 columns")
    {
        write(console, "A\tB\tC");
        CHECK(screen.line(0) == "A       B       ");
        CHECK(screen.line(1) == "C               ");
    }
    SECTION("other control characters show nothing")
    {
        write(console, std::string("A\001\007\177B\000C", 8));
        CHECK(screen.line(0) == "ABC             ");
    }
    CHECK(screen.margins_untouched_and_blank());
}

TEST_CASE("framebuffer console: long lines wrap", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();

    SECTION("the 17th character starts the next line")
    {
        write(console, std::string(16, 'A') + "BC");
        CHECK(screen.lines() == Lines { std::string(16, 'A'), "BC              ", "                " });
    }
    SECTION("a full line then a newline leaves no empty line")
    {
        write(console, std::string(16, 'A'));
        CHECK(console.cursor_column() == 16);
        CHECK(console.cursor_row() == 0);
        write(console, "\nB");
        CHECK(screen.lines() == Lines { std::string(16, 'A'), "B               ", "                " });
    }
    CHECK(screen.margins_untouched_and_blank());
}

TEST_CASE("framebuffer console: scrolling moves text up", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();

    write(console, "A\nB\nC");
    CHECK(screen.lines() == Lines { "A               ", "B               ", "C               " });
    write(console, "\nD");
    CHECK(screen.lines() == Lines { "B               ", "C               ", "D               " });
    CHECK(console.cursor_row() == 2);
    write(console, "\n" + std::string(16, 'A') + "BB");
    CHECK(screen.lines() == Lines { "D               ", std::string(16, 'A'), "BB              " });
    write(console, "\n\n\n");
    CHECK(screen.lines() == Lines { "                ", "                ", "                " });
    CHECK(screen.margins_untouched_and_blank());

    console.clear();
    CHECK(console.cursor_row() == 0);
    CHECK(console.cursor_column() == 0);
}

TEST_CASE("framebuffer console: escape sequences are swallowed", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();

    SECTION("colour and cursor sequences")
    {
        write(console, "\033[1;31mA\033[0mB\033[2J\033[10;20HC\033[?25lD");
        CHECK(screen.line(0) == "ABCD            ");
    }
    SECTION("a sequence split across writes")
    {
        write(console, "A\033");
        write(console, "[3");
        write(console, "2mB");
        CHECK(screen.line(0) == "AB              ");
    }
    SECTION("two-byte escapes")
    {
        write(console, "\033cA\033(BB\033 #CD");
        CHECK(screen.line(0) == "ABD             ");
    }
    SECTION("a control character ends a sequence and still acts")
    {
        write(console, "A\033[1\nB");
        CHECK(screen.lines() == Lines { "A               ", "B               ", "                " });
    }
    SECTION("an endless sequence gives up")
    {
        // 32 parameter bytes are swallowed; the other 8 ('1' is no glyph of
        // the test font) and the 'A' are shown.
        write(console, "\033[" + std::string(40, '1') + "A");
        CHECK(screen.line(0) == "########A       ");
    }
}

TEST_CASE("framebuffer console: UTF-8", "[console]")
{
    TestScreen screen(83, 13, 32);
    FramebufferConsole console = screen.console();

    SECTION("Latin-1 characters use the font's map")
    {
        write(console, "A\303\251B"); // U+00E9
        CHECK(screen.line(0) == "ACB             ");
    }
    SECTION("a character split across writes")
    {
        write(console, "\xc3");
        write(console, "\xa9");
        CHECK(screen.line(0) == "C               ");
    }
    SECTION("characters beyond U+00FF and bad bytes show the replacement")
    {
        write(console, "\342\202\254A\377B\200C\303D\360\237\230\200"); // U+20AC, 0xff, 0x80, cut, U+1F600
        CHECK(screen.line(0) == "#A#B#C#D#       ");
    }
    SECTION("C1 controls show nothing")
    {
        write(console, "A\302\205B"); // U+0085
        CHECK(screen.line(0) == "AB              ");
    }
}

TEST_CASE("framebuffer console: 24 and 16 bits per pixel", "[console]")
{
    for (uint8_t bpp : { 24, 16 }) {
        INFO("bpp " << int(bpp));
        TestScreen screen(83, 13, bpp, 3);
        FramebufferConsole console = screen.console();
        write(console, "AB\nC\nD\nAB" + std::string(20, 'D'));
        CHECK(screen.lines() == Lines { "D               ", "ABDDDDDDDDDDDDDD", "DDDDDD          " });
        CHECK(screen.margins_untouched_and_blank());
    }
}

TEST_CASE("framebuffer console: random input stays inside the framebuffer", "[console]")
{
    TestScreen screen(83, 13, 32, 4);
    FramebufferConsole console = screen.console();
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        size_t length = random() % 40;
        for (size_t i = 0; i < length; ++i) {
            uint32_t pick = random() % 8;
            text += pick == 0 ? char(random()) : pick == 1 ? "\n\t\b\r\033["[random() % 6] : "ABCD "[random() % 5];
        }
        write(console, text);
        REQUIRE(console.cursor_column() <= console.columns());
        REQUIRE(console.cursor_row() < console.rows());
    }
    CHECK(screen.margins_untouched_and_blank());
}

TEST_CASE("framebuffer console: what create() refuses", "[console]")
{
    TestScreen screen(83, 13, 32);
    auto error = [&](const FramebufferInfo& info, void* memory, const ConsoleFont& font = kTestFont) {
        return FramebufferConsole::create(info, memory, font).error();
    };
    FramebufferInfo info = screen.info();
    CHECK(error(info, nullptr) == Error::invalid_argument);

    FramebufferInfo indexed = info;
    indexed.type = FramebufferType::indexed;
    CHECK(error(indexed, screen.memory()) == Error::not_supported);

    FramebufferInfo four_bits = info;
    four_bits.bits_per_pixel = 4;
    CHECK(error(four_bits, screen.memory()) == Error::not_supported);

    FramebufferInfo narrow_pitch = info;
    narrow_pitch.pitch = 83 * 4 - 1;
    CHECK(error(narrow_pitch, screen.memory()) == Error::invalid_argument);

    FramebufferInfo bad_channel = info;
    bad_channel.red_position = 30;
    CHECK(error(bad_channel, screen.memory()) == Error::invalid_argument);

    FramebufferInfo too_small = info;
    too_small.height = kGlyphHeight - 1;
    CHECK(error(too_small, screen.memory()) == Error::invalid_argument);
    too_small = info;
    too_small.width = kGlyphWidth - 1;
    CHECK(error(too_small, screen.memory()) == Error::invalid_argument);

    ConsoleFont bad_font = kTestFont;
    bad_font.replacement = kGlyphCount;
    CHECK(error(info, screen.memory(), bad_font) == Error::invalid_argument);
    bad_font = kTestFont;
    bad_font.bytes_per_row = 0;
    CHECK(error(info, screen.memory(), bad_font) == Error::invalid_argument);

    // Nothing was drawn by a refused create().
    for (uint32_t y = 0; y < 13; ++y)
        for (uint32_t x = 0; x < 83; ++x)
            REQUIRE(screen.pixel(x, y) == 0x5a5a5a5a);
}

TEST_CASE("framebuffer console: glyph numbers beyond the font show the replacement", "[console]")
{
    ConsoleFont font = kTestFont;
    font.glyph_of[uint8_t('A')] = 200;
    TestScreen screen(83, 13, 32);
    Result<FramebufferConsole> made = FramebufferConsole::create(screen.info(), screen.memory(), font);
    REQUIRE(made.ok());
    FramebufferConsole console = made.release_value();
    write(console, "AB");
    CHECK(screen.line(0) == "#B              ");
}

TEST_CASE("framebuffer console: an inert console drops text", "[console]")
{
    FramebufferConsole console;
    write(console, "hello\n");
    console.clear();
    CHECK(console.columns() == 0);
}

TEST_CASE("framebuffer console: EGA text mode cells", "[console]")
{
    constexpr uint32_t kColumns = 10, kRows = 3;
    // One spare cell after each row plays the pitch padding.
    constexpr uint32_t kPitchCells = kColumns + 1;
    std::unique_ptr<uint16_t[]> cells(new uint16_t[kPitchCells * kRows]);
    for (uint32_t i = 0; i < kPitchCells * kRows; ++i)
        cells[i] = 0xbeef;
    FramebufferInfo info {};
    info.address = 0xb8000;
    info.type = FramebufferType::ega_text;
    info.width = kColumns;
    info.height = kRows;
    info.pitch = kPitchCells * 2;
    info.bits_per_pixel = 16;
    Result<FramebufferConsole> made = FramebufferConsole::create(info, cells.get(), kTestFont);
    REQUIRE(made.ok());
    FramebufferConsole console = made.release_value();
    CHECK(console.columns() == kColumns);
    CHECK(console.rows() == kRows);

    auto text = [&](uint32_t row) {
        std::string line;
        for (uint32_t column = 0; column < kColumns; ++column) {
            uint16_t cell = cells[row * kPitchCells + column];
            CHECK((cell >> 8) == 0x07);
            line += char(cell & 0xff);
        }
        return line;
    };
    write(console, "hi \033[31mthere\033[0m\n\xc3\xa9!\tx");
    CHECK(text(0) == "hi there  ");
    CHECK(text(1) == "?!      x ");
    write(console, "\nline 3\nline 4 wra");
    CHECK(text(0) == "?!      x ");
    CHECK(text(1) == "line 3    ");
    CHECK(text(2) == "line 4 wra");
    write(console, "ps!");
    CHECK(text(1) == "line 4 wra");
    CHECK(text(2) == "ps!       ");
    for (uint32_t row = 0; row < kRows; ++row)
        CHECK(cells[row * kPitchCells + kColumns] == 0xbeef);
}

TEST_CASE("framebuffer console: the generated kernel font", "[console]")
{
    const ConsoleFont& font = kern::g_console_font;
    REQUIRE(font.width >= 1);
    REQUIRE(font.height >= 1);
    REQUIRE(font.bytes_per_row == (font.width + 7) / 8);
    REQUIRE(font.glyph_count >= 95);
    REQUIRE(font.glyph_count <= 256);
    REQUIRE(font.replacement < font.glyph_count);
    size_t glyph_size = size_t(font.height) * font.bytes_per_row;
    auto bitmap = [&](uint8_t c) {
        return std::string(reinterpret_cast<const char*>(font.glyph(font.glyph_of[c])), glyph_size);
    };

    // Every printable ASCII character has its own glyph, and space is blank.
    for (unsigned c = 0x20; c < 0x7f; ++c) {
        INFO("character " << c);
        REQUIRE(font.glyph_of[c] < font.glyph_count);
        CHECK(font.glyph_of[c] != font.replacement);
        for (unsigned other = 0x20; other < c; ++other)
            CHECK(bitmap(uint8_t(c)) != bitmap(uint8_t(other)));
    }
    CHECK(bitmap(' ') == std::string(glyph_size, '\0'));

    // 'A' drawn by the console shows exactly its glyph's bits.
    FramebufferInfo info {};
    info.type = FramebufferType::rgb;
    info.width = font.width * 4;
    info.height = font.height * 2;
    info.bits_per_pixel = 32;
    info.pitch = info.width * 4;
    info.red_position = 16, info.red_size = 8;
    info.green_position = 8, info.green_size = 8;
    info.blue_position = 0, info.blue_size = 8;
    std::vector<uint32_t> pixels(size_t(info.width) * info.height, 0x12345678);
    Result<FramebufferConsole> made = FramebufferConsole::create(info, pixels.data(), font);
    REQUIRE(made.ok());
    FramebufferConsole console = made.release_value();
    write(console, "A");
    const uint8_t* glyph = font.glyph(font.glyph_of[uint8_t('A')]);
    for (uint32_t y = 0; y < font.height; ++y) {
        for (uint32_t x = 0; x < font.width; ++x) {
            bool on = glyph[y * font.bytes_per_row + x / 8] & (0x80 >> (x % 8));
            REQUIRE(pixels[y * info.width + x] == (on ? 0xcccccc : 0u));
        }
    }
}
