// strsignal and sys_siglist: a description of each signal.
#include <signal.h>
#include <string.h>
#include <unistd.h>

extern "C" {

const char* const sys_siglist[NSIG] = {
    [0] = nullptr,
    [SIGHUP] = "Hangup",
    [SIGINT] = "Interrupt",
    [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction",
    [SIGTRAP] = "Trace/breakpoint trap",
    [SIGABRT] = "Aborted",
    [SIGBUS] = "Bus error",
    [SIGFPE] = "Floating point exception",
    [SIGKILL] = "Killed",
    [SIGUSR1] = "User defined signal 1",
    [SIGSEGV] = "Segmentation fault",
    [SIGUSR2] = "User defined signal 2",
    [SIGPIPE] = "Broken pipe",
    [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated",
    [SIGSTKFLT] = "Stack fault",
    [SIGCHLD] = "Child exited",
    [SIGCONT] = "Continued",
    [SIGSTOP] = "Stopped (signal)",
    [SIGTSTP] = "Stopped",
    [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)",
    [SIGURG] = "Urgent I/O condition",
    [SIGXCPU] = "CPU time limit exceeded",
    [SIGXFSZ] = "File size limit exceeded",
    [SIGVTALRM] = "Virtual timer expired",
    [SIGPROF] = "Profiling timer expired",
    [SIGWINCH] = "Window changed",
    [SIGIO] = "I/O possible",
    [SIGPWR] = "Power failure",
    [SIGSYS] = "Bad system call",
};

char* strsignal(int signal_number)
{
    static char other[32];
    if (signal_number > 0 && signal_number < NSIG && sys_siglist[signal_number] != nullptr)
        return const_cast<char*>(sys_siglist[signal_number]);
    const char* prefix
        = signal_number >= SIGRTMIN && signal_number <= SIGRTMAX ? "Real-time signal " : "Unknown signal ";
    size_t length = strlen(prefix);
    memcpy(other, prefix, length);
    unsigned int number = signal_number >= SIGRTMIN && signal_number <= SIGRTMAX
        ? static_cast<unsigned int>(signal_number - SIGRTMIN)
        : static_cast<unsigned int>(signal_number);
    char digits[12];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    while (count > 0)
        other[length++] = digits[--count];
    other[length] = '\0';
    return other;
}

// "<prefix>: <description>\n" on fd 2 (no prefix when it is null or empty).
void psignal(int signal_number, const char* prefix)
{
    if (prefix != nullptr && *prefix != '\0') {
        write(2, prefix, strlen(prefix));
        write(2, ": ", 2);
    }
    const char* description = strsignal(signal_number);
    write(2, description, strlen(description));
    write(2, "\n", 1);
}

} // extern "C"
