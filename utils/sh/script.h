// Reading commands from a file, a pipe or a text: each line is appended to
// what came before until it makes a complete command (quotes, if/fi,
// for/done, a trailing | or && ...), which then runs (through the shell's
// run_list) before the next line is read.
#ifndef SH_SCRIPT_H
#define SH_SCRIPT_H

#include "shell.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

// Reads one line (without its newline) from `fd`, one byte at a time so
// that nothing meant for the commands themselves is taken from a shared
// pipe. Returns a new string, or NULL at the end of the input.
char *read_line(int fd);

enum line_result {
    LINE_READ, // *line is a new string
    LINE_END, // no more input
    LINE_CANCELLED, // ^C: drop the command being put together
};
// Where lines come from; `continuation` says a command is unfinished (the
// prompt is then "> ").
typedef enum line_result line_reader(void *context, bool continuation, char **line);

// Parses and runs a complete text (sh -c, eval, $(...)). A syntax error
// prints a message and returns 2.
int run_text(struct shell *shell, const char *text);

// Reads lines with `reader` and runs each command once it is complete; the
// status of the last command.
int run_lines(struct shell *shell, line_reader *reader, void *context);

// Runs everything `fd` holds; the status of the last command.
int run_descriptor(struct shell *shell, int fd);
// Runs the file at `path`; 127 after reporting when it cannot be opened.
int run_file(struct shell *shell, const char *path);

#ifdef __cplusplus
}
#endif

#endif
