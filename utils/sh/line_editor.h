// Line editing, without the terminal: keys (decoded from the bytes a
// terminal sends) change a line and its cursor; history is browsed with up
// and down; render_line says what to write to show the result. terminal.c
// connects this to a real terminal.
#ifndef SH_LINE_EDITOR_H
#define SH_LINE_EDITOR_H

#include "text.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum key {
    KEY_PENDING, // part of an escape sequence: nothing to do yet
    KEY_IGNORED, // a byte or sequence the editor does not use
    KEY_CHARACTER, // a printable byte
    KEY_ENTER, // \r or \n
    KEY_BACKSPACE, // DEL or ^H
    KEY_DELETE, // the Delete key
    KEY_LEFT, // left arrow or ^B
    KEY_RIGHT, // right arrow or ^F
    KEY_UP, // up arrow or ^P: older history
    KEY_DOWN, // down arrow or ^N: newer history
    KEY_HOME, // Home or ^A
    KEY_END, // End or ^E
    KEY_KILL_BEFORE, // ^U: delete before the cursor
    KEY_KILL_AFTER, // ^K: delete from the cursor on
    KEY_END_OF_FILE, // ^D: the end of input on an empty line, else Delete
};

// Turns terminal bytes into keys: ESC [ A (or ESC O A) and friends.
struct key_decoder {
    char pending[8];
    size_t count;
};

enum key decode_key(struct key_decoder *decoder, char byte);

// Lines entered before, oldest first, at most kHistoryLimit.
enum { kHistoryLimit = 200 };
struct history {
    char *lines[kHistoryLimit];
    size_t count;
};

// Remembers `line` (not empty lines, nor the same line twice in a row).
void history_add(struct history *history, const char *line);
void history_free(struct history *history);

struct line_editor {
    struct text line;
    size_t cursor; // 0..line.length
    struct history *history; // may be NULL
    size_t history_position; // history->count: the line being typed
    char *typed; // the line being typed while browsing history
};

enum edit_result {
    EDIT_CONTINUE,
    EDIT_DONE, // Enter: the line is complete
    EDIT_END_OF_FILE, // ^D on an empty line
};

void editor_start(struct line_editor *editor, struct history *history);
// Applies one key (`byte` is the character for KEY_CHARACTER).
enum edit_result editor_apply(struct line_editor *editor, enum key key, char byte);
// Gives up the line (a new string) and frees the editor.
char *editor_finish(struct line_editor *editor);

// Appends to `out` the bytes that redraw `prompt` and `line` on the terminal's
// current row, given that `previous_length` bytes of line were shown before,
// leaving the cursor at `cursor`. Only \r, \b and spaces are used, so any
// terminal understands it.
void render_line(
    struct text *out, const char *prompt, const char *line, size_t length, size_t cursor, size_t previous_length);

#ifdef __cplusplus
}
#endif

#endif
