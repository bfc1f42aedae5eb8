#include "script.h"

#include "parser.h"
#include "report.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *read_line(int fd)
{
    struct text line = { 0 };
    bool any = false;
    for (;;) {
        char c;
        ssize_t got = read(fd, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        any = true;
        if (c == '\n')
            break;
        text_push(&line, c);
    }
    if (!any) {
        text_free(&line);
        return NULL;
    }
    return text_take(&line);
}

int run_lines(struct shell *shell, line_reader *reader, void *context)
{
    struct text pending = { 0 };
    char *line;
    enum line_result result;
    while ((result = reader(context, pending.length > 0, &line)) != LINE_END) {
        if (result == LINE_CANCELLED) {
            text_free(&pending);
            shell->last_status = 130; // as if the command had been interrupted
            continue;
        }
        if (pending.length)
            text_push(&pending, '\n');
        text_append_string(&pending, line);
        free(line);
        struct list *list;
        char message[160];
        enum parse_status parsed = parse(pending.data, &list, message, sizeof message);
        if (parsed == PARSE_INCOMPLETE)
            continue;
        if (parsed == PARSE_ERROR) {
            report("%s", message);
            shell->last_status = 2;
        } else {
            shell->run_list(shell, list);
            list_free(list);
        }
        text_free(&pending);
    }
    if (pending.length) {
        report("syntax error: unexpected end of file");
        shell->last_status = 2;
    }
    text_free(&pending);
    return shell->last_status;
}

int run_text(struct shell *shell, const char *text)
{
    struct list *list;
    char message[160];
    switch (parse(text, &list, message, sizeof message)) {
    case PARSE_OK: break;
    case PARSE_INCOMPLETE: report("syntax error: unexpected end of file"); return shell->last_status = 2;
    case PARSE_ERROR: report("%s", message); return shell->last_status = 2;
    }
    int status = shell->run_list(shell, list);
    list_free(list);
    return status;
}

static enum line_result read_from_descriptor(void *context, bool continuation, char **line)
{
    (void)continuation;
    *line = read_line(*(int *)context);
    return *line ? LINE_READ : LINE_END;
}

int run_descriptor(struct shell *shell, int fd) { return run_lines(shell, read_from_descriptor, &fd); }

int run_file(struct shell *shell, const char *path)
{
    int opened = open(path, O_RDONLY);
    if (opened < 0) {
        report("%s: %s", path, strerror(errno));
        return 127;
    }
    // Out of the way of the commands' redirections, and not inherited by them.
    int fd = fcntl(opened, F_DUPFD, 10);
    if (fd < 0)
        fd = opened;
    else
        close(opened);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    int status = run_descriptor(shell, fd);
    close(fd);
    return status;
}
