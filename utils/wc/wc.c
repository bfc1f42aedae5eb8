// wc [-lwc] [file...]: counts lines, words and bytes (all three without
// options), per file and in total for several.
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

struct counts {
    unsigned long lines, words, bytes;
};

static bool show_lines, show_words, show_bytes;

static int count(int fd, const char *name, struct counts *counts)
{
    char buffer[8192];
    bool in_word = false;
    for (;;) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            report_errno(name);
            return -1;
        }
        if (got == 0)
            return 0;
        counts->bytes += (unsigned long)got;
        for (ssize_t i = 0; i < got; ++i) {
            char c = buffer[i];
            bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
            if (c == '\n')
                ++counts->lines;
            if (!space && !in_word)
                ++counts->words;
            in_word = !space;
        }
    }
}

static void print(const struct counts *counts, const char *name)
{
    const char *separator = "";
    if (show_lines)
        printf("%s%lu", separator, counts->lines), separator = " ";
    if (show_words)
        printf("%s%lu", separator, counts->words), separator = " ";
    if (show_bytes)
        printf("%s%lu", separator, counts->bytes);
    if (name)
        printf(" %s", name);
    putchar('\n');
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int option;
    while ((option = getopt(argc, argv, "lwc")) != -1) {
        if (option == 'l')
            show_lines = true;
        else if (option == 'w')
            show_words = true;
        else if (option == 'c')
            show_bytes = true;
        else {
            report_message("usage: wc [-lwc] [file...]");
            return 1;
        }
    }
    if (!show_lines && !show_words && !show_bytes)
        show_lines = show_words = show_bytes = true;
    if (optind == argc) {
        struct counts counts = { 0, 0, 0 };
        int result = count(STDIN_FILENO, "standard input", &counts);
        print(&counts, NULL);
        return result < 0;
    }
    int status = 0;
    struct counts total = { 0, 0, 0 };
    for (int i = optind; i < argc; ++i) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            report_errno(argv[i]);
            status = 1;
            continue;
        }
        struct counts counts = { 0, 0, 0 };
        status |= count(fd, argv[i], &counts) < 0;
        close(fd);
        print(&counts, argv[i]);
        total.lines += counts.lines;
        total.words += counts.words;
        total.bytes += counts.bytes;
    }
    if (argc - optind > 1)
        print(&total, "total");
    return status;
}
