#!/usr/bin/env python3
"""Turns a PSF console font (PSF1 or PSF2, gzip'd or not) into C++ source
defining kern::g_console_font (see mach/kern/console/console_font.h).

    python3 mach/tools/psf_to_cpp.py INPUT.psf[.gz] OUTPUT.cpp

The first 256 glyphs are kept. The glyph_of table maps each character
U+0000..U+00FF to its glyph through the font's Unicode table when it has one
(a font's glyph order is its own: glyph 65 need not be 'A'), and to the glyph
of the same number otherwise."""

import gzip
import os
import struct
import sys

PSF1_MAGIC = b"\x36\x04"
PSF1_MODE_512 = 0x01
PSF1_MODE_HAS_TABLE = 0x02 | 0x04
PSF1_SEPARATOR = 0xFFFF
PSF1_SEQUENCE = 0xFFFE

PSF2_MAGIC = b"\x72\xb5\x4a\x86"
PSF2_HEADER = struct.Struct("<4sIIIIIII")
PSF2_HAS_TABLE = 0x01
PSF2_SEPARATOR = 0xFF
PSF2_SEQUENCE = 0xFE

MAX_GLYPHS = 256
REPLACEMENT_CHARACTER = 0xFFFD


class FontError(Exception):
    pass


class Font:
    def __init__(self, width, height, glyph_count, glyphs, table):
        self.width = width
        self.height = height
        self.bytes_per_row = (width + 7) // 8
        self.glyph_count = glyph_count
        self.glyphs = glyphs  # bytes: glyph_count * height * bytes_per_row
        self.table = table    # list (one per glyph) of lists of code points, or None


def read_font_file(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def parse_psf1(data):
    if len(data) < 4:
        raise FontError("PSF1 header cut short")
    mode, height = data[2], data[3]
    count = 512 if mode & PSF1_MODE_512 else 256
    end = 4 + count * height
    if height == 0 or len(data) < end:
        raise FontError("PSF1 glyph data cut short")
    table = None
    if mode & PSF1_MODE_HAS_TABLE:
        table = parse_psf1_table(data[end:], count)
    return Font(8, height, count, data[4:end], table)


def parse_psf1_table(data, count):
    """Each glyph: u16 code points, then optional sequences after 0xFFFE,
    ended by 0xFFFF. Sequences (combining forms) are not used here."""
    table = []
    position = 0
    for _ in range(count):
        points = []
        in_sequence = False
        while True:
            if position + 2 > len(data):
                raise FontError("PSF1 Unicode table cut short")
            (value,) = struct.unpack_from("<H", data, position)
            position += 2
            if value == PSF1_SEPARATOR:
                break
            if value == PSF1_SEQUENCE:
                in_sequence = True
            elif not in_sequence:
                points.append(value)
        table.append(points)
    return table


def parse_psf2(data):
    if len(data) < PSF2_HEADER.size:
        raise FontError("PSF2 header cut short")
    _, _version, header_size, flags, count, glyph_size, height, width = PSF2_HEADER.unpack_from(data)
    bytes_per_row = (width + 7) // 8
    if width == 0 or height == 0 or count == 0 or glyph_size != height * bytes_per_row:
        raise FontError("PSF2 header inconsistent (%dx%d, %d bytes a glyph)" % (width, height, glyph_size))
    end = header_size + count * glyph_size
    if header_size < PSF2_HEADER.size or len(data) < end:
        raise FontError("PSF2 glyph data cut short")
    table = None
    if flags & PSF2_HAS_TABLE:
        table = parse_psf2_table(data[end:], count)
    return Font(width, height, count, data[header_size:end], table)


def parse_psf2_table(data, count):
    """Each glyph: UTF-8 characters, then optional sequences after 0xFE,
    ended by 0xFF (bytes that never occur in UTF-8)."""
    table = []
    position = 0
    for _ in range(count):
        end = data.find(bytes([PSF2_SEPARATOR]), position)
        if end < 0:
            raise FontError("PSF2 Unicode table cut short")
        entry = data[position:end].split(bytes([PSF2_SEQUENCE]))[0]
        try:
            points = [ord(c) for c in entry.decode("utf-8")]
        except UnicodeDecodeError as error:
            raise FontError("PSF2 Unicode table is not UTF-8: %s" % error)
        table.append(points)
        position = end + 1
    return table


def parse_font(data):
    if data[:4] == PSF2_MAGIC:
        return parse_psf2(data)
    if data[:2] == PSF1_MAGIC:
        return parse_psf1(data)
    raise FontError("not a PSF1 or PSF2 font")


def character_map(font, kept):
    """glyph_of[c] for c in U+0000..U+00FF, and the replacement glyph, using
    only glyphs below `kept`."""
    glyph_for = {}
    if font.table is None:
        glyph_for = {c: c for c in range(kept)}
    else:
        for glyph, points in enumerate(font.table[:kept]):
            for point in points:
                glyph_for.setdefault(point, glyph)
    replacement = glyph_for.get(REPLACEMENT_CHARACTER, glyph_for.get(ord("?"), 0))
    return [glyph_for.get(c, replacement) for c in range(256)], replacement


def describe(code_point):
    if 0x20 < code_point < 0x7F and chr(code_point) not in "\\'":
        return "'%s'" % chr(code_point)
    return "U+%04X" % code_point


def render(font, source_name):
    kept = min(font.glyph_count, MAX_GLYPHS)
    glyph_size = font.height * font.bytes_per_row
    glyph_of, replacement = character_map(font, kept)
    # Name each glyph in a comment after the first character it shows.
    names = {}
    for glyph in range(kept):
        points = font.table[glyph] if font.table is not None else [glyph]
        if points:
            names[glyph] = describe(points[0])

    out = []
    out.append("// Generated by mach/tools/psf_to_cpp.py from %s: do not edit." % source_name)
    out.append("#include <kern/console/console_font.h>")
    out.append("")
    out.append("namespace kern {")
    out.append("namespace {")
    out.append("")
    out.append("const uint8_t kGlyphs[%d] = {" % (kept * glyph_size))
    for glyph in range(kept):
        bitmap = font.glyphs[glyph * glyph_size:(glyph + 1) * glyph_size]
        comment = " // %d" % glyph + (" %s" % names[glyph] if glyph in names else "")
        out.append("   " + "".join(" 0x%02x," % b for b in bitmap) + comment)
    out.append("};")
    out.append("")
    out.append("} // namespace")
    out.append("")
    out.append("const ConsoleFont g_console_font = {")
    out.append("    .width = %d," % font.width)
    out.append("    .height = %d," % font.height)
    out.append("    .bytes_per_row = %d," % font.bytes_per_row)
    out.append("    .glyph_count = %d," % kept)
    out.append("    .glyphs = kGlyphs,")
    out.append("    .glyph_of = {")
    for row in range(0, 256, 16):
        out.append("       " + "".join(" %d," % g for g in glyph_of[row:row + 16]) + " // U+%04X" % row)
    out.append("    },")
    out.append("    .replacement = %d," % replacement)
    out.append("};")
    out.append("")
    out.append("} // namespace kern")
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s INPUT.psf[.gz] OUTPUT.cpp\n" % argv[0])
        return 2
    source, target = argv[1], argv[2]
    try:
        font = parse_font(read_font_file(source))
    except (OSError, FontError, EOFError) as error:
        sys.stderr.write("%s: %s: %s\n" % (argv[0], source, error))
        return 1
    text = render(font, os.path.basename(source))
    # Write then rename, so an interrupted build leaves no half file behind.
    temporary = target + ".tmp"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
