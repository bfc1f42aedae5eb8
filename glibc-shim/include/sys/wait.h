/* sys/wait.h: waiting for children; status words encoded as glibc does
   (exit code in bits 8-15, terminating signal in bits 0-6, 0x7f = stopped). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H 1

#include <bits/types.h>
#include <signal.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000

#define WEXITSTATUS(status) (((status)&0xff00) >> 8)
#define WTERMSIG(status) ((status)&0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((status)&0x7f) != 0 && ((status)&0x7f) != 0x7f)
#define WIFSTOPPED(status) (((status)&0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status)&0x80)
#define W_EXITCODE(code, signal_number) ((code) << 8 | (signal_number))
#define W_STOPCODE(signal_number) ((signal_number) << 8 | 0x7f)

typedef enum { P_ALL, P_PID, P_PGID } idtype_t;

__BEGIN_DECLS

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
struct rusage;
pid_t wait3(int *status, int options, struct rusage *usage);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage);

__END_DECLS

#endif
