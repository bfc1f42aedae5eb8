// Reading a line from a terminal with editing (line_editor.h): the terminal
// is put in raw mode (no ICANON, no ECHO; ISIG kept, so ^C still raises
// SIGINT) only while the line is read.
#ifndef SH_TERMINAL_H
#define SH_TERMINAL_H

#include "line_editor.h"
#include "script.h"

#ifdef __cplusplus
extern "C" {
#endif

// Shows `prompt` on `output` and reads a line from the terminal `input`.
// LINE_CANCELLED after ^C (SIGINT, see signals.h). When `input` is not a
// terminal after all, reads a plain line.
enum line_result terminal_read_line(int input, int output, const char *prompt, struct history *history, char **line);

#ifdef __cplusplus
}
#endif

#endif
