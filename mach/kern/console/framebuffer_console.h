// A text console on the framebuffer the boot loader set up: the kernel log
// for someone looking at the screen. It draws a bitmap font into a linear
// RGB framebuffer (8 to 32 bits per pixel), or writes character cells when
// the loader left the screen in EGA text mode (0xb8000-style memory).
//
// It understands UTF-8, \n (to the start of the next line), \r, \t (stops
// every 8 columns), \b; long lines wrap, and the screen scrolls by moving
// whole pixel rows up. ANSI escape sequences (ESC [ ... m and the like) are
// swallowed, not drawn.
#pragma once

#include <boot/boot_info.h>
#include <debug/log.h>
#include <freestanding/result.h>
#include <kern/console/console_font.h>
#include <stddef.h>
#include <stdint.h>

namespace kern {

class FramebufferConsole final : public LogSink {
public:
    // An inert console: it drops what it is given. Assign one from create().
    FramebufferConsole() = default;

    // A console on the framebuffer `info` describes, which the caller has
    // mapped writable at `memory` (info.pitch * info.height bytes). RGB
    // framebuffers are drawn with `font`; ega_text ones do not use it. The
    // screen is cleared. not_supported for indexed colour or pixels under 8
    // bits; invalid_argument for geometry or a font that does not fit.
    static Result<FramebufferConsole> create(const FramebufferInfo& info, void* memory, const ConsoleFont& font);

    // Shows `text`; text that does not fit scrolls the screen.
    void write(const char* text, size_t length) override;

    // Blanks the whole screen and puts the cursor at the top left.
    void clear();

    // The size of the screen in character cells.
    uint32_t columns() const { return m_columns; }
    uint32_t rows() const { return m_rows; }

    // Where the next character goes. The column equals columns() after the
    // last cell of a line was written: the line wraps at the next character.
    uint32_t cursor_column() const { return m_column; }
    uint32_t cursor_row() const { return m_row; }

private:
    enum class Mode : uint8_t { inert, pixels, text_cells };
    enum class Escape : uint8_t { none, started, control_sequence };

    void put_byte(uint8_t byte);
    bool filter_escape(uint8_t byte);
    void decode_utf8(uint8_t byte);
    void put_character(uint32_t code_point);
    void new_line();
    void scroll_up();
    void draw_cell(uint32_t column, uint32_t row, uint32_t code_point);
    void draw_glyph(uint32_t column, uint32_t row, uint32_t glyph);
    void fill_lines(uint32_t first_line, uint32_t line_count);
    void set_pixel(uint8_t* at, uint32_t value) const;

    Mode m_mode = Mode::inert;
    uint8_t* m_memory = nullptr;
    const ConsoleFont* m_font = nullptr;
    size_t m_pitch = 0;
    uint32_t m_line_count = 0; // pixel lines (pixels) or cell rows (text_cells) in memory
    size_t m_line_bytes = 0; // the visible bytes of one line (the pitch may be more)
    uint32_t m_bytes_per_pixel = 0; // 2 for text cells
    uint32_t m_cell_width = 1; // pixels per cell across (1 for text cells)
    uint32_t m_cell_height = 1; // pixel lines per cell (1 for text cells)
    uint32_t m_foreground = 0; // a pixel value, or a cell's attribute byte
    uint32_t m_background = 0;
    uint32_t m_columns = 0;
    uint32_t m_rows = 0;
    uint32_t m_column = 0;
    uint32_t m_row = 0;

    Escape m_escape = Escape::none;
    uint8_t m_escape_length = 0;
    uint8_t m_utf8_pending = 0; // continuation bytes still expected
    uint32_t m_utf8_code_point = 0;
};

} // namespace kern
