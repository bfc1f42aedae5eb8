#include "terminal.h"

#include "report.h"
#include "signals.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void show(int output, const char *prompt, const struct line_editor *editor, size_t *shown)
{
    // Typing at the end of the line (the common case) needs only the new
    // byte, not a redraw: cheaper on a slow serial console.
    if (editor->line.length == *shown + 1 && editor->cursor == editor->line.length) {
        write_all(output, editor->line.data + *shown, 1);
        *shown = editor->line.length;
        return;
    }
    struct text out = { 0 };
    render_line(&out, prompt, editor->line.data ? editor->line.data : "", editor->line.length, editor->cursor, *shown);
    write_all(output, out.data, out.length);
    text_free(&out);
    *shown = editor->line.length;
}

static enum line_result edit(int input, int output, const char *prompt, struct history *history, char **line)
{
    struct line_editor editor;
    struct key_decoder decoder = { { 0 }, 0 };
    size_t shown = 0;
    editor_start(&editor, history);
    show(output, prompt, &editor, &shown);
    for (;;) {
        char byte;
        ssize_t got = read(input, &byte, 1);
        if (got < 0 && errno == EINTR && !interrupt_received)
            continue;
        if (got < 0 && errno == EINTR) {
            write_all(output, "^C\n", 3);
            free(editor_finish(&editor));
            return LINE_CANCELLED;
        }
        if (got <= 0) {
            free(editor_finish(&editor));
            return LINE_END;
        }
        enum key key = decode_key(&decoder, byte);
        if (key == KEY_PENDING || key == KEY_IGNORED)
            continue; // nothing changed: nothing to redraw
        enum edit_result result = editor_apply(&editor, key, byte);
        if (result == EDIT_END_OF_FILE) {
            write_all(output, "\n", 1);
            free(editor_finish(&editor));
            return LINE_END;
        }
        if (result == EDIT_DONE) {
            editor.cursor = editor.line.length;
            show(output, prompt, &editor, &shown);
            write_all(output, "\r\n", 2);
            *line = editor_finish(&editor);
            return LINE_READ;
        }
        show(output, prompt, &editor, &shown);
    }
}

enum line_result terminal_read_line(int input, int output, const char *prompt, struct history *history, char **line)
{
    interrupt_received = 0;
    struct termios saved;
    if (tcgetattr(input, &saved) < 0) {
        write_all(output, prompt, strlen(prompt));
        *line = read_line(input);
        return *line ? LINE_READ : LINE_END;
    }
    struct termios raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN); // ISIG stays: ^C is SIGINT
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(input, TCSADRAIN, &raw);
    enum line_result result = edit(input, output, prompt, history, line);
    tcsetattr(input, TCSADRAIN, &saved);
    if (result == LINE_READ)
        history_add(history, *line);
    return result;
}
