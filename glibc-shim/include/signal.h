/* signal.h: Linux's signal numbers, glibc's struct sigaction and sigset_t. */
#ifndef _SIGNAL_H
#define _SIGNAL_H 1

#include <bits/sigset.h>
#include <bits/timespec.h>
#include <bits/types.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCLD SIGCHLD
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGUNUSED SIGSYS
#define SIGRTMIN 34
#define SIGRTMAX 64
#define NSIG 65
#define _NSIG NSIG

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef int sig_atomic_t;
typedef void (*__sighandler_t)(int);
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;

#define SIG_ERR ((__sighandler_t)-1)
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)

union sigval {
    int sival_int;
    void *sival_ptr;
};
typedef union sigval sigval_t;

/* glibc's 128-byte siginfo_t: three ints, then a union of per-cause
   fields at offset 16. */
typedef struct {
    int si_signo;
    int si_errno;
    int si_code;
    int __pad0;
    union {
        int __pad[28];
        struct {
            pid_t si_pid;
            uid_t si_uid;
        } __kill;
        struct {
            pid_t si_pid;
            uid_t si_uid;
            int si_status;
            clock_t si_utime;
            clock_t si_stime;
        } __sigchld;
        struct {
            pid_t si_pid;
            uid_t si_uid;
            union sigval si_sigval;
        } __rt;
        struct {
            void *si_addr;
        } __sigfault;
        struct {
            long si_band;
            int si_fd;
        } __sigpoll;
    } __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_status __fields.__sigchld.si_status
#define si_utime __fields.__sigchld.si_utime
#define si_stime __fields.__sigchld.si_stime
#define si_value __fields.__rt.si_sigval
#define si_int __fields.__rt.si_sigval.sival_int
#define si_ptr __fields.__rt.si_sigval.sival_ptr
#define si_addr __fields.__sigfault.si_addr
#define si_band __fields.__sigpoll.si_band
#define si_fd __fields.__sigpoll.si_fd

/* si_code values. */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

struct sigaction {
    union {
        __sighandler_t sa_handler;
        void (*sa_sigaction)(int, siginfo_t *, void *);
    } __sigaction_handler;
    sigset_t sa_mask;
    int sa_flags;
    void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

typedef struct {
    void *ss_sp;
    int ss_flags;
    size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

__BEGIN_DECLS

/* The OS layer (glibc-shim/posix/). */
int kill(pid_t pid, int signal_number);
int killpg(pid_t group, int signal_number);
int raise(int signal_number);
int sigaction(int signal_number, const struct sigaction *__restrict action, struct sigaction *__restrict old_action);
__sighandler_t signal(int signal_number, __sighandler_t handler);
int sigprocmask(int how, const sigset_t *__restrict set, sigset_t *__restrict old_set);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *__restrict set, int *__restrict signal_number);
int sigaltstack(const stack_t *__restrict stack, stack_t *__restrict old_stack);
int siginterrupt(int signal_number, int interrupt);

/* Signal sets (pure: misc/sigset). */
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signal_number);
int sigdelset(sigset_t *set, int signal_number);
int sigismember(const sigset_t *set, int signal_number);

void psignal(int signal_number, const char *prefix);

/* The descriptions strsignal returns, indexed by signal number. */
extern const char *const sys_siglist[NSIG];

__END_DECLS

#endif
