// grep [-Fvicnq] [-e] pattern [file...]: the lines that contain the fixed
// string `pattern` (-i ignoring case, -v the others). -c counts them, -n
// numbers them, -q only sets the status: 0 when a line was selected, 1 when
// none was, 2 on an error. With several files each line names its file.
#include "report.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct options {
    bool invert, ignore_case, count, number, quiet, name_files;
};

static bool same_letter(char a, char b, bool ignore_case)
{
    return ignore_case ? tolower((unsigned char)a) == tolower((unsigned char)b) : a == b;
}

static bool contains(const char *line, size_t length, const char *pattern, size_t pattern_length, bool ignore_case)
{
    if (pattern_length > length)
        return false;
    for (size_t start = 0; start + pattern_length <= length; ++start) {
        size_t i = 0;
        while (i < pattern_length && same_letter(line[start + i], pattern[i], ignore_case))
            ++i;
        if (i == pattern_length)
            return true;
    }
    return false;
}

// Searches one stream; the number of selected lines, or -1 on a read error.
static long search(FILE *input, const char *name, const char *pattern, const struct options *options)
{
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    long selected = 0, number = 0;
    size_t pattern_length = strlen(pattern);
    while ((length = getline(&line, &capacity, input)) >= 0) {
        ++number;
        size_t content = (size_t)length;
        if (content && line[content - 1] == '\n')
            --content;
        if (contains(line, content, pattern, pattern_length, options->ignore_case) == options->invert)
            continue;
        ++selected;
        if (options->quiet)
            break;
        if (options->count)
            continue;
        if (options->name_files)
            printf("%s:", name);
        if (options->number)
            printf("%ld:", number);
        fwrite(line, 1, content, stdout);
        putchar('\n');
    }
    bool failed = ferror(input);
    free(line);
    if (failed) {
        report_errno(name);
        return -1;
    }
    if (options->count && !options->quiet) {
        if (options->name_files)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    struct options options = { false, false, false, false, false, false };
    const char *pattern = NULL;
    int option;
    while ((option = getopt(argc, argv, "Fvicnqe:")) != -1) {
        switch (option) {
        case 'F': break; // patterns are always fixed strings
        case 'v': options.invert = true; break;
        case 'i': options.ignore_case = true; break;
        case 'c': options.count = true; break;
        case 'n': options.number = true; break;
        case 'q': options.quiet = true; break;
        case 'e': pattern = optarg; break;
        default: report_message("usage: grep [-Fvicnq] [-e] pattern [file...]"); return 2;
        }
    }
    if (!pattern) {
        if (optind == argc) {
            report_message("usage: grep [-Fvicnq] [-e] pattern [file...]");
            return 2;
        }
        pattern = argv[optind++];
    }
    options.name_files = argc - optind > 1;
    bool error = false, found = false;
    if (optind == argc) {
        long selected = search(stdin, "(standard input)", pattern, &options);
        error = selected < 0;
        found = selected > 0;
    }
    for (int i = optind; i < argc && !(found && options.quiet); ++i) {
        FILE *input = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!input) {
            report_errno(argv[i]);
            error = true;
            continue;
        }
        long selected = search(input, argv[i], pattern, &options);
        error |= selected < 0;
        found |= selected > 0;
        if (input != stdin)
            fclose(input);
    }
    if (found && options.quiet)
        return 0; // POSIX: -q succeeds on a match even after an error
    return error ? 2 : found ? 0 : 1;
}
