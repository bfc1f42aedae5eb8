#include "read_builtin.h"

#include "memory.h"
#include "report.h"
#include "script.h"
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool is_separator(char c, bool quoted, const char *ifs) { return !quoted && c && strchr(ifs, c) != NULL; }

static bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n'; }

void split_for_read(const char *line, const char *quoted, const char *ifs, char **values, size_t count)
{
    size_t length = strlen(line), i = 0;
    for (size_t v = 0; v < count; ++v) {
        while (i < length && is_separator(line[i], quoted[i], ifs) && is_white(line[i]))
            ++i; // leading white space
        size_t start = i;
        if (v + 1 == count) {
            size_t end = length;
            while (end > start && is_separator(line[end - 1], quoted[end - 1], ifs) && is_white(line[end - 1]))
                --end;
            values[v] = sh_strndup(line + start, end - start);
            return;
        }
        while (i < length && !is_separator(line[i], quoted[i], ifs))
            ++i;
        values[v] = sh_strndup(line + start, i - start);
        if (i < length) // past the separator: white space around it, or one other IFS byte
            ++i;
    }
}

// Reads a line; without `raw`, applies backslashes (marking what they
// quote in `quoted`) and joins continued lines. False at the end of input.
static bool read_logical_line(bool raw, struct text *line, struct text *quoted)
{
    char *physical = read_line(STDIN_FILENO);
    if (!physical)
        return false;
    for (;;) {
        size_t length = strlen(physical);
        bool continued = false;
        for (size_t i = 0; i < length; ++i) {
            if (!raw && physical[i] == '\\') {
                if (i + 1 == length) {
                    continued = true;
                    break;
                }
                ++i;
                text_push(line, physical[i]);
                text_push(quoted, 1);
            } else {
                text_push(line, physical[i]);
                text_push(quoted, 0);
            }
        }
        free(physical);
        if (!continued || !(physical = read_line(STDIN_FILENO)))
            return true;
    }
}

int builtin_read(struct shell *shell, int argc, char **argv)
{
    int first = 1;
    bool raw = false;
    if (first < argc && strcmp(argv[first], "-r") == 0) {
        raw = true;
        ++first;
    }
    if (first == argc) {
        report("read: a variable name is needed");
        return 2;
    }
    for (int i = first; i < argc; ++i) {
        if (!variable_name_valid(argv[i], strlen(argv[i]))) {
            report("read: %s: bad variable name", argv[i]);
            return 2;
        }
    }
    struct text line = { 0 }, quoted = { 0 };
    bool got = read_logical_line(raw, &line, &quoted);
    const char *ifs = variables_get(&shell->variables, "IFS");
    size_t count = (size_t)(argc - first);
    char **values = sh_malloc(count * sizeof *values);
    split_for_read(line.data ? line.data : "", quoted.data ? quoted.data : "", ifs ? ifs : " \t\n", values, count);
    for (size_t i = 0; i < count; ++i) {
        variables_set(&shell->variables, argv[first + (int)i], values[i], false);
        free(values[i]);
    }
    free(values);
    text_free(&line);
    text_free(&quoted);
    return got ? 0 : 1;
}
