/* layout_check.c: the glibc x86-64 sizes and offsets the shim's headers
   promise (check-headers.sh compiles this; a mismatch stops the compile). */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <termios.h>
#include <time.h>

#define SAME(expression, value) _Static_assert((expression) == (value), #expression)

SAME(sizeof(struct stat), 144);
SAME(offsetof(struct stat, st_nlink), 16);
SAME(offsetof(struct stat, st_mode), 24);
SAME(offsetof(struct stat, st_rdev), 40);
SAME(offsetof(struct stat, st_size), 48);
SAME(offsetof(struct stat, st_blocks), 64);
SAME(offsetof(struct stat, st_atim), 72);
SAME(offsetof(struct stat, st_mtim), 88);
SAME(offsetof(struct stat, st_ctim), 104);
SAME(sizeof(struct timespec), 16);
SAME(sizeof(struct timeval), 16);
SAME(sizeof(sigset_t), 128);
SAME(sizeof(struct sigaction), 152);
SAME(offsetof(struct sigaction, sa_mask), 8);
SAME(offsetof(struct sigaction, sa_flags), 136);
SAME(offsetof(struct sigaction, sa_restorer), 144);
SAME(sizeof(siginfo_t), 128);
SAME(offsetof(siginfo_t, si_pid), 16);
SAME(offsetof(siginfo_t, si_status), 24);
SAME(offsetof(siginfo_t, si_addr), 16);
SAME(sizeof(jmp_buf), 200);
SAME(offsetof(struct __jmp_buf_tag, __mask_was_saved), 64);
SAME(offsetof(struct __jmp_buf_tag, __saved_mask), 72);
SAME(sizeof(struct termios), 60);
SAME(offsetof(struct termios, c_line), 16);
SAME(offsetof(struct termios, c_cc), 17);
SAME(offsetof(struct termios, c_ispeed), 52);
SAME(sizeof(struct dirent), 280);
SAME(offsetof(struct dirent, d_reclen), 16);
SAME(offsetof(struct dirent, d_type), 18);
SAME(offsetof(struct dirent, d_name), 19);
SAME(sizeof(struct tm), 56);
SAME(offsetof(struct tm, tm_gmtoff), 40);
SAME(sizeof(fd_set), 128);
SAME(sizeof(struct pollfd), 8);
SAME(sizeof(struct flock), 32);
SAME(sizeof(struct utsname), 390);
SAME(sizeof(struct rusage), 144);
SAME(sizeof(off_t), 8);
SAME(sizeof(pid_t), 4);
SAME(sizeof(mode_t), 4);
SAME(sizeof(time_t), 8);
SAME(INT64_MAX, LONG_MAX);
SAME(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK, 07700);
SAME(O_DIRECTORY, 0200000);
SAME(O_CLOEXEC, 02000000);
SAME(SIGCHLD + SIGCONT + SIGSTOP + SIGTSTP + SIGWINCH, 17 + 18 + 19 + 20 + 28);
