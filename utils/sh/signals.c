#include "signals.h"

#include <string.h>

volatile sig_atomic_t interrupt_received;

static void note_interrupt(int signal_number)
{
    (void)signal_number;
    interrupt_received = 1;
}

static void set_handler(int signal_number, void (*handler)(int))
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a read at the prompt must return EINTR
    sigaction(signal_number, &action, NULL);
}

void signals_for_interactive_shell(void)
{
    set_handler(SIGINT, note_interrupt);
    set_handler(SIGQUIT, SIG_IGN);
    set_handler(SIGTSTP, SIG_IGN);
    set_handler(SIGTTIN, SIG_IGN);
    set_handler(SIGTTOU, SIG_IGN);
}

void signals_for_child(bool background_without_job_control)
{
    static const int signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; ++i)
        set_handler(signals[i], SIG_DFL);
    if (background_without_job_control) {
        set_handler(SIGINT, SIG_IGN);
        set_handler(SIGQUIT, SIG_IGN);
    }
}
