// Ending the program: atexit/on_exit handlers (last registered runs
// first), then stdio's flush, then _exit. abort.
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

extern "C" {
// Defined by stdio (helper B's part) to flush every open stream; absent
// in programs without stdio.
void __libc_flush_all(void) __attribute__((__weak__));
}

namespace {

struct Handler {
    void (*function)(int, void*);
    void* argument;
    void (*plain)(void);
};

// POSIX asks for at least 32.
constexpr int k_handler_limit = 64;
Handler g_handlers[k_handler_limit];
int g_handler_count = 0;

int add(Handler handler)
{
    if (g_handler_count == k_handler_limit)
        return -1;
    g_handlers[g_handler_count++] = handler;
    return 0;
}

} // namespace

extern "C" {

int atexit(void (*handler)(void)) { return add(Handler { nullptr, nullptr, handler }); }

int on_exit(void (*handler)(int, void*), void* argument) { return add(Handler { handler, argument, nullptr }); }

void exit(int status)
{
    // A handler may register another; it runs next.
    while (g_handler_count > 0) {
        Handler handler = g_handlers[--g_handler_count];
        if (handler.plain != nullptr)
            handler.plain();
        else
            handler.function(status, handler.argument);
    }
    if (__libc_flush_all != nullptr)
        __libc_flush_all();
    _exit(status);
}

void _Exit(int status) { _exit(status); }

void abort(void)
{
    sigset_t abort_only;
    sigemptyset(&abort_only);
    sigaddset(&abort_only, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &abort_only, nullptr);
    raise(SIGABRT);
    // A handler returned, or the signal was ignored: end anyway.
    _exit(127);
}

} // extern "C"
