// The proc interface: process bookkeeping (the Hurd's proc). A process is
// a task proc was told about; its *handle* is a send right to proc's port
// minted with a payload naming its record, so proc knows the caller from
// the right alone. A plain right (payload 0) acts as pid 1, init: whoever
// started proc holds it.
//
// Pids run from 1 to kMaxPid and are recycled, never while a process, a
// zombie or a process group still uses them. Wait statuses are encoded
// as glibc's <sys/wait.h> macros read them (exited_status, killed_status).
#pragma once

#include <rpc/wire.h>
#include <stdint.h>

namespace proc {

constexpr uint32_t kBase = 23000;
constexpr int32_t kInitPid = 1;
constexpr int32_t kMaxPid = 32767;
constexpr uint32_t kNameSize = 32; // a process's name: at most 31 characters
constexpr int32_t kSignalKill = 9; // SIGKILL

// The wait status of a process that exited with `code` (WIFEXITED, WEXITSTATUS).
constexpr int32_t exited_status(int32_t code) { return (code & 0xff) << 8; }
// The wait status of a process killed by `signal` (WIFSIGNALED, WTERMSIG).
constexpr int32_t killed_status(int32_t signal) { return signal & 0x7f; }

enum class State : uint32_t {
    running = 0,
    zombie = 1, // ended, not yet waited for
};

// Wait's options (glibc's values).
enum WaitOption : uint32_t {
    kNoHang = 1, // WNOHANG: answer at once (pid 0) if no matching child has ended
};

// Registers a new process for the task in rights[kTask] (a send right
// proc keeps, and watches: its death ends the process), as a child of the
// caller: a new pid, the caller's process group and session. Its owner is
// who rights[kRendezvous] proves (a rendezvous port the child's auth
// handle vouched for, to this proc handle: auth::client::with_rendezvous)
// or, without one, the caller's owner (fork: the child holds the same
// handle). Replies with the child's handle (one right; proc mints it
// once). invalid_right without a task right, would_block (EAGAIN) past a
// user's limit, no_space past proc's, permission_denied if auth does not
// confirm the rendezvous, not_supported for one before proc knows auth.
struct Child : rpc::Operation<kBase + 1, 2, 1> {
    static constexpr uint32_t kTask = 0;
    static constexpr uint32_t kRendezvous = 1;
    struct alignas(8) Request {
        rpc::Text<kNameSize> name; // for ps
    };
    struct alignas(8) Reply {
        int32_t pid;
        uint32_t reserved;
    };
};

// The caller's ids (getpid, getppid, getpgrp, getsid, the owner's
// effective and real uid, as proc knows them).
struct GetIds : rpc::Operation<kBase + 2> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        int32_t pid;
        int32_t parent; // 0 for pid 1
        int32_t group;
        int32_t session;
        uint32_t uid;
        uint32_t real_uid;
    };
};

// The caller is about to end (_exit, or a fatal signal): proc records
// how. It becomes a zombie when its task dies; the caller ends its own
// task next. Without Exit, a task's death reads "killed by SIGKILL".
struct Exit : rpc::Operation<kBase + 3> {
    struct alignas(8) Request {
        int32_t code; // the exit code (0-255), when signal is 0
        int32_t signal; // the signal that ended it (1-127), or 0
    };
    using Reply = rpc::Empty;
};

// waitpid: `pid` > 0 that child, -1 any child, < -1 any child in process
// group -pid, 0 any child in the caller's group. Blocks until a matching
// child has ended (unless kNoHang: then pid 0 comes back), reaps it and
// replies its pid and wait status. not_found (ECHILD) when the caller has
// no matching child, or loses the last one while waiting.
struct Wait : rpc::Operation<kBase + 4> {
    struct alignas(8) Request {
        int32_t pid;
        uint32_t options; // WaitOption bits
    };
    struct alignas(8) Reply {
        int32_t pid;
        int32_t status; // a wait status
    };
};

// setpgid(pid, group): `pid` is the caller or one of its children (0: the
// caller); `group` (0: the same as pid) is pid itself or an existing group
// of the same session. not_found (ESRCH) for another process,
// permission_denied (EPERM) for a group elsewhere or a session leader.
struct SetProcessGroup : rpc::Operation<kBase + 5> {
    struct alignas(8) Request {
        int32_t pid;
        int32_t group;
    };
    using Reply = rpc::Empty;
};

// getpgid(pid): the process group of `pid` (0: the caller); not_found (ESRCH).
struct GetProcessGroup : rpc::Operation<kBase + 6> {
    struct alignas(8) Request {
        int32_t pid;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        int32_t group;
        uint32_t reserved;
    };
};

// One line of ps.
struct ProcessInfo {
    int32_t pid;
    int32_t parent;
    int32_t group;
    uint32_t uid;
    State state;
    uint32_t reserved;
    char name[kNameSize];
};

// The process list, a page at a time: entries from table index `start`
// on, as many as fit; `next` is where the next page starts (kListEnd: no
// more). Anyone may ask.
struct List : rpc::Operation<kBase + 7> {
    static constexpr uint32_t kPage = 64;
    static constexpr uint32_t kListEnd = 0xffffffffu;
    struct alignas(8) Request {
        uint32_t start;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        uint32_t count;
        uint32_t next;
        ProcessInfo entries[kPage];

        // Only the entries given travel.
        uint32_t wire_size() const
        {
            return uint32_t(reinterpret_cast<const uint8_t*>(entries + count) - reinterpret_cast<const uint8_t*>(this));
        }
        bool valid() const { return count <= kPage; }
    };
};

// kill(pid, signal): `pid` > 0 that process, 0 every process of the
// caller's group, -1 every process the caller may signal, < -1 every
// process of group -pid; each gets the signal if the caller may signal
// it (POSIX: root may signal anything, another user a process whose real
// or saved uid is the caller's real or effective uid; pid 1 never, and
// -1 leaves out the caller). Signal 0 only checks. proc carries out what the
// process asked for (SetSignals): an ignored signal is dropped, a handled
// one is sent to the process's signal port (SignalMessage), and otherwise
// the default action happens here: SIGCHLD, SIGURG, SIGWINCH and SIGCONT
// are dropped, the stop signals too (no job control yet), SIGKILL and
// every other signal end the process ("killed by signal N").
// not_found (ESRCH) when nothing matched, permission_denied (EPERM) when
// nothing matched that the caller may signal, invalid_argument for a bad
// signal.
struct Kill : rpc::Operation<kBase + 8> {
    struct alignas(8) Request {
        int32_t pid;
        int32_t signal;
    };
    using Reply = rpc::Empty;
};

// exec: the caller's process goes on in the task of the request's one
// right (the new program), under the same pid, parent, group, children
// and handle. proc watches the new task from then on and forgets the old
// one, whose end means nothing any more. Handled signals go back to their
// default action and the signal port is dropped (the new program sets its
// own); ignored ones stay ignored, as POSIX's exec says. invalid_right
// without a task, already_exists if the task is another process's.
struct Reexec : rpc::Operation<kBase + 9, 1> {
    struct alignas(8) Request {
        rpc::Text<kNameSize> name; // for ps
    };
    using Reply = rpc::Empty;
};

// A set of signals: bit (n - 1) for signal n (1-64).
using SignalSet = uint64_t;
constexpr SignalSet signal_bit(int32_t signal) { return SignalSet(1) << (signal - 1); }

// The caller's signal dispositions, as sigaction sets them: `ignored` are
// dropped, `handled` are sent to its signal port (the request's one right,
// a send right; none: keep the port it has), the rest take their default
// action. SIGKILL and SIGSTOP cannot be ignored or handled (their bits are
// cleared). With kKeepDispositions only the port changes. Replies with the
// dispositions in effect (what a new program learns at its start).
struct SetSignals : rpc::Operation<kBase + 10, 1> {
    static constexpr uint32_t kKeepDispositions = 1;
    struct alignas(8) Request {
        SignalSet ignored;
        SignalSet handled;
        uint32_t flags;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        SignalSet ignored;
        SignalSet handled;
    };
};

// Powers the machine off or restarts it (reboot(2)), for root only. The
// caller proves who it is with a rendezvous port its auth handle vouched
// for (lib/interfaces/auth.h; auth::client::with_rendezvous), the
// request's one right. permission_denied for anyone else, not_supported
// before startup gave proc the power (GivePower). No reply on success.
struct Shutdown : rpc::Operation<kBase + 11, 1> {
    struct alignas(8) Request {
        uint32_t action; // mach::PowerAction
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

// From pid 1 only (startup, once the servers are up), once: the device
// port, which proc uses for Shutdown alone, and an auth handle through
// which it asks who a Shutdown's caller is. permission_denied from anyone
// else, busy the second time.
struct GivePower : rpc::Operation<kBase + 12, 2> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

// The caller's process is now who the request's one right proves (a
// rendezvous port its new auth handle vouched for, to this proc handle):
// what setuid and friends do after auth made the new handle, and exec
// for a set-user-id program. permission_denied if auth does not confirm
// it, not_supported for pid 1 or before proc knows auth.
struct Reauthenticate : rpc::Operation<kBase + 13, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

// What proc sends to a signal port (one-way: its id, this body).
constexpr uint32_t kSignalMessageId = kBase + 100;
struct SignalMessage {
    int32_t signal;
    int32_t sender; // the pid that sent it (0: the system)
};

// Signal numbers proc treats specially (Linux's numbers, as the C library's).
constexpr int32_t kSignalChild = 17; // SIGCHLD
constexpr int32_t kSignalStop = 19; // SIGSTOP

} // namespace proc
