// A bitmap font for the framebuffer console. The kernel's font is generated
// at build time from a PSF console font by mach/tools/psf_to_cpp.py.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kern {

struct ConsoleFont {
    uint32_t width; // pixels per glyph row
    uint32_t height; // rows per glyph
    uint32_t bytes_per_row; // at least (width + 7) / 8; leftmost pixel in the top bit of the first byte
    uint32_t glyph_count; // glyphs in `glyphs` (at most 256)
    const uint8_t* glyphs; // glyph_count * height * bytes_per_row bytes, glyph after glyph

    // The glyph showing each character U+0000..U+00FF (ASCII and Latin-1);
    // characters the font lacks map to its replacement glyph.
    uint8_t glyph_of[256];

    // The glyph for characters the font lacks (U+FFFD's if it has one, else '?').
    uint8_t replacement;

    // The bitmap of glyph `index` (which must be below glyph_count).
    const uint8_t* glyph(uint32_t index) const { return glyphs + size_t(index) * height * bytes_per_row; }
};

// The console font built into the kernel.
extern const ConsoleFont g_console_font;

} // namespace kern
