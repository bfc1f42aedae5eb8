// Signals in the C library. proc carries out ignored signals and default
// actions itself (lib/interfaces/proc.h); a signal with a handler comes as
// a message on the process's signal port, and runs at the library's next
// safe point: before and after each call that may wait (read, waitpid,
// sleep, pause, sigsuspend) and right after kill. A blocked signal stays
// pending until sigprocmask unblocks it.
//
// FIXME(signals): a handler does not interrupt a wait (no EINTR: calls
// behave as with SA_RESTART), and a program that never enters the
// library does not see its handled signals until it does.
#pragma once

namespace posix::signals {

// Makes the signal port and tells proc; takes the ignored signals a new
// program inherits across exec.
void start();
// In a fork's child: its own signal port (the parent's stayed there).
void after_fork();
// Runs the handlers of the signals that came and are not blocked.
void run_pending();

} // namespace posix::signals
