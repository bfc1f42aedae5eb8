// sigaction, signal, sigprocmask, sigpending, sigsuspend, pause and the
// signal port (signal_port.h).
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <interfaces/proc.h>
#include <rpc/client.h>

#include "errors.h"
#include "process_state.h"
#include "signal_port.h"

namespace posix::signals {
namespace {

constexpr int kMaxSignal = 64;

struct sigaction g_actions[kMaxSignal + 1];
proc::SignalSet g_blocked = 0;
proc::SignalSet g_pending = 0;
mach::PortName g_port = mach::kNullName;

bool valid(int signal) { return signal >= 1 && signal <= kMaxSignal; }
proc::SignalSet bit(int signal) { return proc::signal_bit(signal); }

proc::SignalSet set_of(const sigset_t& set) { return set.__val[0]; }
void put_set(sigset_t& set, proc::SignalSet signals)
{
    memset(&set, 0, sizeof(set));
    set.__val[0] = signals;
}

mach::PortName proc_handle() { return process_state().init[exec::kProc]; }

// Tells proc the dispositions (and `port`, if any): its reply says which
// ones are in effect.
Result<proc::SetSignals::Reply> tell_proc(mach::PortName port, uint32_t flags)
{
    proc::SetSignals::Request request {};
    for (int signal = 1; signal <= kMaxSignal; signal++) {
        __sighandler_t handler = g_actions[signal].sa_handler;
        if (handler == SIG_IGN)
            request.ignored |= bit(signal);
        else if (handler != SIG_DFL)
            request.handled |= bit(signal);
    }
    request.flags = flags;
    rpc::Rights<1> give;
    if (port != mach::kNullName)
        give[0] = { port, mach::Disposition::make_send };
    proc::SetSignals::Reply reply {};
    TRY_STATUS(rpc::call<proc::SetSignals>(proc_handle(), request, reply, give));
    return reply;
}

void make_port()
{
    g_port = mach::kNullName;
    if (proc_handle() == mach::kNullName)
        return;
    mach::PortName task = process_state().self.task;
    if (mach::port_allocate(task, mach::RightType::receive, &g_port) != Error::none)
        return;
    Result<proc::SetSignals::Reply> told = tell_proc(g_port, proc::SetSignals::kKeepDispositions);
    if (!told.ok()) {
        (void)mach::port_destroy(task, g_port);
        g_port = mach::kNullName;
        return;
    }
    for (int signal = 1; signal <= kMaxSignal; signal++) {
        if (told.value().ignored & bit(signal))
            g_actions[signal].sa_handler = SIG_IGN; // exec keeps what was ignored
    }
}

// Takes the signal messages that came (without waiting, unless `wait`).
void collect(bool wait)
{
    if (g_port == mach::kNullName)
        return;
    for (;;) {
        struct {
            mach::MessageHeader header;
            proc::SignalMessage body;
            uint64_t slack[8];
        } message {};
        uint32_t options = mach::kReceive | mach::kReceiveTimeout;
        uint64_t timeout = wait ? ~0ull : 0;
        Error got = mach::msg(&message.header, wait ? mach::kReceive : options, 0, sizeof(message), g_port, timeout);
        if (got != Error::none)
            return;
        wait = false;
        if (message.header.id == proc::kSignalMessageId && valid(message.body.signal))
            g_pending |= bit(message.body.signal);
    }
}

// A handled signal whose handler went away before it came: as proc would.
void take_default_action(int signal)
{
    constexpr proc::SignalSet kHarmless = proc::signal_bit(SIGCHLD) | proc::signal_bit(SIGCONT)
        | proc::signal_bit(SIGURG) | proc::signal_bit(SIGWINCH) | proc::signal_bit(SIGTSTP) | proc::signal_bit(SIGTTIN)
        | proc::signal_bit(SIGTTOU);
    if (kHarmless & bit(signal))
        return;
    proc::Exit::Reply reply {};
    (void)rpc::call<proc::Exit>(proc_handle(), { 0, signal }, reply);
    mach::task_exit(128 + signal);
}

void run_handler(int signal)
{
    struct sigaction action = g_actions[signal];
    if (action.sa_handler == SIG_IGN)
        return;
    if (action.sa_handler == SIG_DFL) {
        take_default_action(signal);
        return;
    }
    if (action.sa_flags & SA_RESETHAND)
        g_actions[signal].sa_handler = SIG_DFL;
    proc::SignalSet saved = g_blocked;
    g_blocked |= set_of(action.sa_mask) | ((action.sa_flags & SA_NODEFER) ? 0 : bit(signal));
    int saved_errno = errno;
    if (action.sa_flags & SA_SIGINFO) {
        siginfo_t info {};
        info.si_signo = signal;
        action.sa_sigaction(signal, &info, nullptr);
    } else {
        action.sa_handler(signal);
    }
    errno = saved_errno;
    g_blocked = saved;
}

void deliver()
{
    for (;;) {
        proc::SignalSet ready = g_pending & ~g_blocked;
        if (!ready)
            return;
        int signal = __builtin_ctzll(ready) + 1;
        g_pending &= ~bit(signal);
        run_handler(signal);
    }
}

} // namespace

void start() { make_port(); }

void after_fork()
{
    g_pending = 0;
    make_port();
}

void run_pending()
{
    collect(false);
    deliver();
}

// Waits for a signal message, then runs what can run.
void wait_for_signal()
{
    collect(true);
    deliver();
}

} // namespace posix::signals

using posix::fail_with;
namespace signals = posix::signals;

extern "C" {

int sigaction(int signal, const struct sigaction* action, struct sigaction* old)
{
    if (!signals::valid(signal) || (action && (signal == SIGKILL || signal == SIGSTOP)))
        return fail_with(EINVAL);
    if (old)
        *old = signals::g_actions[signal];
    if (!action)
        return 0;
    signals::g_actions[signal] = *action;
    Result<proc::SetSignals::Reply> told = signals::tell_proc(mach::kNullName, 0);
    if (!told.ok() && signals::proc_handle() != mach::kNullName)
        return posix::fail(told.error());
    return 0;
}

__sighandler_t signal(int number, __sighandler_t handler)
{
    struct sigaction action { };
    struct sigaction old { };
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    if (sigaction(number, &action, &old) != 0)
        return SIG_ERR;
    return old.sa_handler;
}

int sigprocmask(int how, const sigset_t* set, sigset_t* old)
{
    if (old)
        signals::put_set(*old, signals::g_blocked);
    if (!set)
        return 0;
    proc::SignalSet change = signals::set_of(*set);
    switch (how) {
    case SIG_BLOCK: signals::g_blocked |= change; break;
    case SIG_UNBLOCK: signals::g_blocked &= ~change; break;
    case SIG_SETMASK: signals::g_blocked = change; break;
    default: return fail_with(EINVAL);
    }
    signals::g_blocked &= ~(signals::bit(SIGKILL) | signals::bit(SIGSTOP));
    signals::run_pending(); // what was just unblocked runs now
    return 0;
}

int sigpending(sigset_t* set)
{
    signals::run_pending();
    signals::put_set(*set, signals::g_pending);
    return 0;
}

int sigsuspend(const sigset_t* mask)
{
    proc::SignalSet saved = signals::g_blocked;
    signals::g_blocked = signals::set_of(*mask);
    signals::wait_for_signal();
    signals::g_blocked = saved;
    return fail_with(EINTR);
}

int pause(void)
{
    signals::wait_for_signal();
    return fail_with(EINTR);
}

} // extern "C"
