#include "line_editor.h"

#include "memory.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { kEscape = 0x1b };

static enum key control_key(char byte)
{
    switch (byte) {
    case '\r':
    case '\n': return KEY_ENTER;
    case 0x7f:
    case 0x08: return KEY_BACKSPACE;
    case 0x01: return KEY_HOME;
    case 0x05: return KEY_END;
    case 0x02: return KEY_LEFT;
    case 0x06: return KEY_RIGHT;
    case 0x10: return KEY_UP;
    case 0x0e: return KEY_DOWN;
    case 0x15: return KEY_KILL_BEFORE;
    case 0x0b: return KEY_KILL_AFTER;
    case 0x04: return KEY_END_OF_FILE;
    default: return (unsigned char)byte >= 0x20 ? KEY_CHARACTER : KEY_IGNORED;
    }
}

// The key an escape sequence (after ESC and '[' or 'O') names.
static enum key sequence_key(const char *body, size_t length)
{
    char last = body[length - 1];
    if (length == 1) {
        switch (last) {
        case 'A': return KEY_UP;
        case 'B': return KEY_DOWN;
        case 'C': return KEY_RIGHT;
        case 'D': return KEY_LEFT;
        case 'H': return KEY_HOME;
        case 'F': return KEY_END;
        }
        return KEY_IGNORED;
    }
    if (last != '~' || length != 2)
        return KEY_IGNORED;
    switch (body[0]) {
    case '1':
    case '7': return KEY_HOME;
    case '4':
    case '8': return KEY_END;
    case '3': return KEY_DELETE;
    }
    return KEY_IGNORED;
}

enum key decode_key(struct key_decoder *decoder, char byte)
{
    if (decoder->count == 0) {
        if (byte != kEscape)
            return control_key(byte);
        decoder->pending[decoder->count++] = byte;
        return KEY_PENDING;
    }
    if (decoder->count == 1) {
        if (byte == '[' || byte == 'O') {
            decoder->pending[decoder->count++] = byte;
            return KEY_PENDING;
        }
        decoder->count = 0;
        return KEY_IGNORED;
    }
    decoder->pending[decoder->count++] = byte;
    bool final = (byte >= 'A' && byte <= 'Z') || byte == '~';
    if (!final && decoder->count < sizeof decoder->pending)
        return KEY_PENDING;
    enum key key = final ? sequence_key(decoder->pending + 2, decoder->count - 2) : KEY_IGNORED;
    decoder->count = 0;
    return key;
}

void history_add(struct history *history, const char *line)
{
    if (!*line || (history->count && strcmp(history->lines[history->count - 1], line) == 0))
        return;
    if (history->count == kHistoryLimit) {
        free(history->lines[0]);
        memmove(history->lines, history->lines + 1, (kHistoryLimit - 1) * sizeof history->lines[0]);
        --history->count;
    }
    history->lines[history->count++] = sh_strdup(line);
}

void history_free(struct history *history)
{
    for (size_t i = 0; i < history->count; ++i)
        free(history->lines[i]);
    history->count = 0;
}

void editor_start(struct line_editor *editor, struct history *history)
{
    memset(editor, 0, sizeof *editor);
    editor->history = history;
    editor->history_position = history ? history->count : 0;
}

static void replace_line(struct line_editor *editor, const char *text)
{
    editor->line.length = 0;
    text_append_string(&editor->line, text);
    editor->cursor = editor->line.length;
}

static void erase(struct line_editor *editor, size_t from, size_t to)
{
    memmove(editor->line.data + from, editor->line.data + to, editor->line.length - to + 1);
    editor->line.length -= to - from;
}

// Up (-1) or down (+1) in the history; the typed line is kept aside.
static void browse(struct line_editor *editor, int direction)
{
    struct history *history = editor->history;
    if (!history)
        return;
    if (direction < 0 && editor->history_position == 0)
        return;
    if (direction > 0 && editor->history_position >= history->count)
        return;
    if (editor->history_position == history->count) {
        free(editor->typed);
        editor->typed = sh_strdup(editor->line.data ? editor->line.data : "");
    }
    editor->history_position += (size_t)(long)direction;
    replace_line(
        editor, editor->history_position == history->count ? editor->typed : history->lines[editor->history_position]);
}

enum edit_result editor_apply(struct line_editor *editor, enum key key, char byte)
{
    struct text *line = &editor->line;
    switch (key) {
    case KEY_CHARACTER:
        text_push(line, ' '); // room for the byte
        memmove(line->data + editor->cursor + 1, line->data + editor->cursor, line->length - editor->cursor - 1);
        line->data[editor->cursor++] = byte;
        break;
    case KEY_ENTER: return EDIT_DONE;
    case KEY_BACKSPACE:
        if (editor->cursor > 0) {
            erase(editor, editor->cursor - 1, editor->cursor);
            --editor->cursor;
        }
        break;
    case KEY_END_OF_FILE: // ^D inside a line deletes
    case KEY_DELETE:
        if (key == KEY_END_OF_FILE && line->length == 0)
            return EDIT_END_OF_FILE;
        if (editor->cursor < line->length)
            erase(editor, editor->cursor, editor->cursor + 1);
        break;
    case KEY_LEFT:
        if (editor->cursor > 0)
            --editor->cursor;
        break;
    case KEY_RIGHT:
        if (editor->cursor < line->length)
            ++editor->cursor;
        break;
    case KEY_HOME: editor->cursor = 0; break;
    case KEY_END: editor->cursor = line->length; break;
    case KEY_KILL_BEFORE:
        if (editor->cursor > 0)
            erase(editor, 0, editor->cursor);
        editor->cursor = 0;
        break;
    case KEY_KILL_AFTER:
        if (editor->cursor < line->length)
            erase(editor, editor->cursor, line->length);
        break;
    case KEY_UP: browse(editor, -1); break;
    case KEY_DOWN: browse(editor, 1); break;
    case KEY_PENDING:
    case KEY_IGNORED: break;
    }
    return EDIT_CONTINUE;
}

char *editor_finish(struct line_editor *editor)
{
    free(editor->typed);
    editor->typed = NULL;
    return text_take(&editor->line);
}

static void repeat(struct text *out, char c, size_t count)
{
    while (count--)
        text_push(out, c);
}

void render_line(
    struct text *out, const char *prompt, const char *line, size_t length, size_t cursor, size_t previous_length)
{
    text_push(out, '\r');
    text_append_string(out, prompt);
    text_append(out, line, length);
    size_t stale = previous_length > length ? previous_length - length : 0;
    repeat(out, ' ', stale); // blank what a longer line left
    repeat(out, '\b', stale + (length - cursor));
}
