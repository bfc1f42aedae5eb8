// kill [-s name | -name | -number] pid...: sends a signal (TERM unless
// told) to processes. kill -l lists the signal names; kill -l status names
// the signal of an exit status (128 + n) or number.
#include "report.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    int number;
} signals[] = {
    { "HUP", SIGHUP },
    { "INT", SIGINT },
    { "QUIT", SIGQUIT },
    { "ILL", SIGILL },
    { "TRAP", SIGTRAP },
    { "ABRT", SIGABRT },
    { "BUS", SIGBUS },
    { "FPE", SIGFPE },
    { "KILL", SIGKILL },
    { "USR1", SIGUSR1 },
    { "SEGV", SIGSEGV },
    { "USR2", SIGUSR2 },
    { "PIPE", SIGPIPE },
    { "ALRM", SIGALRM },
    { "TERM", SIGTERM },
    { "CHLD", SIGCHLD },
    { "CONT", SIGCONT },
    { "STOP", SIGSTOP },
    { "TSTP", SIGTSTP },
    { "TTIN", SIGTTIN },
    { "TTOU", SIGTTOU },
    { "URG", SIGURG },
    { "XCPU", SIGXCPU },
    { "XFSZ", SIGXFSZ },
    { "VTALRM", SIGVTALRM },
    { "PROF", SIGPROF },
    { "WINCH", SIGWINCH },
    { "SYS", SIGSYS },
};
enum { kSignalCount = sizeof signals / sizeof signals[0] };

// A non-negative decimal number, or -1.
static long number_of(const char *text)
{
    char *end;
    long value = strtol(text, &end, 10);
    return (*text && !*end && value >= 0) ? value : -1;
}

// A signal by name ("TERM", "SIGTERM", any case) or number ("15"); -1 if none.
static int signal_of(const char *text)
{
    long number = number_of(text);
    if (number >= 0)
        return number < 65 ? (int)number : -1;
    if (strncasecmp(text, "SIG", 3) == 0)
        text += 3;
    for (int i = 0; i < kSignalCount; ++i)
        if (strcasecmp(text, signals[i].name) == 0)
            return signals[i].number;
    return -1;
}

static int list(int argc, char **argv)
{
    if (argc == 0) {
        for (int i = 0; i < kSignalCount; ++i)
            printf("%s%c", signals[i].name, i + 1 == kSignalCount ? '\n' : ' ');
        return 0;
    }
    int status = 0;
    for (int i = 0; i < argc; ++i) {
        long number = number_of(argv[i]);
        if (number > 128)
            number -= 128; // an exit status
        const char *name = NULL;
        for (int j = 0; j < kSignalCount; ++j)
            if (signals[j].number == number)
                name = signals[j].name;
        if (name) {
            printf("%s\n", name);
        } else {
            report_message("%s: unknown signal", argv[i]);
            status = 1;
        }
    }
    return status;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int signal_number = SIGTERM;
    int i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0)
        return list(argc - 2, argv + 2);
    if (i + 1 < argc && strcmp(argv[i], "-s") == 0) {
        signal_number = signal_of(argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0 && argv[i][1]) {
        signal_number = signal_of(argv[i] + 1);
        ++i;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        ++i;
    if (signal_number < 0) {
        report_message("%s: unknown signal", argv[i - 1]);
        return 1;
    }
    if (i == argc) {
        report_message("usage: kill [-s signal | -signal] pid... | kill -l [status]");
        return 1;
    }
    int status = 0;
    for (; i < argc; ++i) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (!*argv[i] || *end) {
            report_message("%s: not a process id", argv[i]);
            status = 1;
        } else if (kill((pid_t)pid, signal_number) < 0) {
            report_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
