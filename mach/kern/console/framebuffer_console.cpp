// The framebuffer console. The screen is a grid of cells; in pixel mode a
// cell is a glyph-sized block of pixels, in text mode one 16-bit cell
// (character byte, attribute byte). Everything above draw_cell, scroll_up
// and fill_lines is the same for both.
#include <kern/console/framebuffer_console.h>

#ifndef PORTICO_HOST
#include <freestanding/string.h>
#else
#include <string.h>
#endif

namespace kern {
namespace {

constexpr uint32_t kTabWidth = 8;
// An escape sequence longer than this is garbage: stop swallowing.
constexpr uint8_t kMaxEscapeLength = 32;
constexpr uint8_t kEscape = 0x1b;
constexpr uint32_t kReplacementCharacter = 0xfffd;

// Light grey on black, like a PC console (EGA attribute 0x07).
constexpr uint8_t kForegroundLevel = 0xcc;
constexpr uint8_t kBackgroundLevel = 0x00;
constexpr uint8_t kTextAttribute = 0x07;

// A channel of 8-bit intensity `level` placed where the framebuffer wants it.
uint32_t channel(uint8_t level, uint8_t position, uint8_t size)
{
    uint64_t value = size <= 8 ? level >> (8 - size) : uint64_t(level) << (size - 8);
    return uint32_t(value << position);
}

uint32_t rgb_pixel(const FramebufferInfo& info, uint8_t level)
{
    return channel(level, info.red_position, info.red_size) | channel(level, info.green_position, info.green_size)
        | channel(level, info.blue_position, info.blue_size);
}

bool channel_fits(uint8_t position, uint8_t size, uint8_t bits_per_pixel)
{
    return size >= 1 && size <= 32 && position + size <= bits_per_pixel;
}

bool font_usable(const ConsoleFont& font)
{
    return font.width >= 1 && font.height >= 1 && font.bytes_per_row >= (font.width + 7) / 8 && font.glyph_count >= 1
        && font.glyphs != nullptr && font.replacement < font.glyph_count;
}

} // namespace

Result<FramebufferConsole> FramebufferConsole::create(
    const FramebufferInfo& info, void* memory, const ConsoleFont& font)
{
    if (memory == nullptr || info.width == 0 || info.height == 0)
        return Error::invalid_argument;
    FramebufferConsole console;
    console.m_memory = static_cast<uint8_t*>(memory);
    console.m_pitch = info.pitch;
    console.m_line_count = info.height;

    switch (info.type) {
    case FramebufferType::rgb:
        if (info.bits_per_pixel < 8 || info.bits_per_pixel > 32)
            return Error::not_supported;
        if (!channel_fits(info.red_position, info.red_size, info.bits_per_pixel)
            || !channel_fits(info.green_position, info.green_size, info.bits_per_pixel)
            || !channel_fits(info.blue_position, info.blue_size, info.bits_per_pixel) || !font_usable(font))
            return Error::invalid_argument;
        console.m_mode = Mode::pixels;
        console.m_font = &font;
        console.m_bytes_per_pixel = (info.bits_per_pixel + 7) / 8;
        console.m_cell_width = font.width;
        console.m_cell_height = font.height;
        console.m_foreground = rgb_pixel(info, kForegroundLevel);
        console.m_background = rgb_pixel(info, kBackgroundLevel);
        break;
    case FramebufferType::ega_text:
        console.m_mode = Mode::text_cells;
        console.m_bytes_per_pixel = 2;
        console.m_foreground = kTextAttribute;
        console.m_background = kTextAttribute;
        break;
    default: return Error::not_supported;
    }

    console.m_line_bytes = size_t(info.width) * console.m_bytes_per_pixel;
    if (info.pitch < console.m_line_bytes)
        return Error::invalid_argument;
    console.m_columns = info.width / console.m_cell_width;
    console.m_rows = info.height / console.m_cell_height;
    if (console.m_columns == 0 || console.m_rows == 0)
        return Error::invalid_argument;
    console.clear();
    return console;
}

void FramebufferConsole::write(const char* text, size_t length)
{
    if (m_mode == Mode::inert)
        return;
    for (size_t i = 0; i < length; ++i)
        put_byte(static_cast<uint8_t>(text[i]));
}

void FramebufferConsole::clear()
{
    if (m_mode == Mode::inert)
        return;
    fill_lines(0, m_line_count);
    m_column = 0;
    m_row = 0;
}

void FramebufferConsole::put_byte(uint8_t byte)
{
    if (filter_escape(byte))
        return;
    if (byte >= 0x80) {
        decode_utf8(byte);
        return;
    }
    if (m_utf8_pending != 0) {
        // A multi-byte character cut short by a plain one.
        m_utf8_pending = 0;
        put_character(kReplacementCharacter);
    }
    switch (byte) {
    case '\n': new_line(); break;
    case '\r': m_column = 0; break;
    case '\t':
        if (m_column < m_columns) {
            m_column += kTabWidth - m_column % kTabWidth;
            if (m_column > m_columns)
                m_column = m_columns;
        }
        break;
    case '\b':
        if (m_column > 0)
            --m_column;
        break;
    case kEscape:
        m_escape = Escape::started;
        m_escape_length = 0;
        break;
    default:
        if (byte >= 0x20 && byte < 0x7f)
            put_character(byte);
        break; // other control characters show nothing
    }
}

// Swallows `ESC intermediates final` and `ESC [ parameters final`.
// Returns whether `byte` belonged to such a sequence.
bool FramebufferConsole::filter_escape(uint8_t byte)
{
    if (m_escape == Escape::none)
        return false;
    // A control character or a non-ASCII byte ends any sequence and is
    // handled as usual, so a stray ESC cannot hide a newline.
    if (byte < 0x20 || byte >= 0x7f) {
        m_escape = Escape::none;
        return false;
    }
    if (m_escape == Escape::started) {
        // ESC [ opens a control sequence; otherwise intermediate bytes
        // (0x20..0x2f, as in ESC ( B) lead to one final byte.
        if (byte == '[')
            m_escape = Escape::control_sequence;
        else if (byte > 0x2f || ++m_escape_length >= kMaxEscapeLength)
            m_escape = Escape::none;
        return true;
    }
    // Parameter and intermediate bytes (0x20..0x3f) until a final byte.
    if (byte >= 0x40 || ++m_escape_length >= kMaxEscapeLength)
        m_escape = Escape::none;
    return true;
}

void FramebufferConsole::decode_utf8(uint8_t byte)
{
    if (byte >= 0x80 && byte <= 0xbf) {
        if (m_utf8_pending == 0) {
            put_character(kReplacementCharacter); // a stray continuation byte
            return;
        }
        m_utf8_code_point = (m_utf8_code_point << 6) | (byte & 0x3f);
        if (--m_utf8_pending == 0)
            put_character(m_utf8_code_point);
        return;
    }
    if (m_utf8_pending != 0)
        put_character(kReplacementCharacter); // the previous character was cut short
    m_utf8_pending = 0;
    if (byte >= 0xc0 && byte <= 0xdf) {
        m_utf8_pending = 1;
        m_utf8_code_point = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
        m_utf8_pending = 2;
        m_utf8_code_point = byte & 0x0f;
    } else if (byte >= 0xf0 && byte <= 0xf7) {
        m_utf8_pending = 3;
        m_utf8_code_point = byte & 0x07;
    } else {
        put_character(kReplacementCharacter);
    }
}

void FramebufferConsole::put_character(uint32_t code_point)
{
    if (code_point >= 0x80 && code_point < 0xa0)
        return; // C1 control characters show nothing either
    if (m_column >= m_columns)
        new_line();
    draw_cell(m_column, m_row, code_point);
    ++m_column;
}

void FramebufferConsole::new_line()
{
    m_column = 0;
    if (m_row + 1 < m_rows)
        ++m_row;
    else
        scroll_up();
}

// Moves every text row but the first up by one (one memmove of whole pixel
// lines: fast under emulation), then blanks the last.
void FramebufferConsole::scroll_up()
{
    size_t row_bytes = m_pitch * m_cell_height;
    memmove(m_memory, m_memory + row_bytes, row_bytes * (m_rows - 1));
    fill_lines((m_rows - 1) * m_cell_height, m_cell_height);
}

void FramebufferConsole::draw_cell(uint32_t column, uint32_t row, uint32_t code_point)
{
    if (m_mode == Mode::text_cells) {
        // The adapter's own font is code page 437: only ASCII is safe.
        uint8_t* cell = m_memory + row * m_pitch + column * 2;
        cell[0] = code_point < 0x80 ? uint8_t(code_point) : '?';
        cell[1] = uint8_t(m_foreground);
        return;
    }
    uint32_t glyph = code_point < 256 ? m_font->glyph_of[code_point] : m_font->replacement;
    if (glyph >= m_font->glyph_count)
        glyph = m_font->replacement;
    draw_glyph(column, row, glyph);
}

void FramebufferConsole::draw_glyph(uint32_t column, uint32_t row, uint32_t glyph)
{
    const uint8_t* bits = m_font->glyph(glyph);
    uint8_t* line
        = m_memory + size_t(row) * m_cell_height * m_pitch + size_t(column) * m_cell_width * m_bytes_per_pixel;
    for (uint32_t y = 0; y < m_cell_height; ++y, line += m_pitch, bits += m_font->bytes_per_row) {
        uint8_t* pixel = line;
        for (uint32_t x = 0; x < m_cell_width; ++x, pixel += m_bytes_per_pixel) {
            bool on = bits[x / 8] & (0x80 >> (x % 8));
            set_pixel(pixel, on ? m_foreground : m_background);
        }
    }
}

void FramebufferConsole::set_pixel(uint8_t* at, uint32_t value) const
{
    switch (m_bytes_per_pixel) {
    case 4: {
        uint32_t v = value;
        memcpy(at, &v, 4); // pitch and base need not be 4-aligned
        break;
    }
    case 3: at[2] = uint8_t(value >> 16); [[fallthrough]];
    case 2: at[1] = uint8_t(value >> 8); [[fallthrough]];
    default: at[0] = uint8_t(value); break;
    }
}

// Blanks whole lines: pixel lines in pixel mode, cell rows in text mode.
void FramebufferConsole::fill_lines(uint32_t first_line, uint32_t line_count)
{
    uint32_t blank = m_mode == Mode::text_cells ? (m_background << 8) | ' ' : m_background;
    for (uint32_t i = 0; i < line_count; ++i) {
        uint8_t* line = m_memory + size_t(first_line + i) * m_pitch;
        if (blank == 0) {
            memset(line, 0, m_line_bytes);
            continue;
        }
        for (size_t offset = 0; offset < m_line_bytes; offset += m_bytes_per_pixel)
            set_pixel(line + offset, blank);
    }
}

} // namespace kern
