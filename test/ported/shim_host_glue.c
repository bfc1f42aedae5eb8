/* Runs the ported programs, as portico-cc compiled them, on the build host:
 * their objects are linked with the C library's pure parts (make/libc.mk's
 * LIBC_PURE_OBJS: stdio, printf, strtod, malloc, time, ...) and this file,
 * which stands in for Portico's operating-system layer (glibc-shim/posix/).
 * The test is of the C library under real programs, before Portico boots.
 *
 * Memory comes from mmap. The POSIX calls whose failures the programs look
 * at (open, read, rename, ...) are raw Linux system calls here so that
 * their error lands in the shim's errno: the host C library's wrappers
 * would set the host's. The numbers match: the shim uses Linux's errno
 * values, open flags and struct stat layout. The remaining calls (fork,
 * waitpid, sigaction, ...) come from the host's static C library; the link
 * lets the shim's definitions win where both define a name (exit, strlen).
 */
#include <stdarg.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>

extern int *__errno_location(void); /* the shim's */

enum { kTerminalGetAttributes = 0x5401 }; /* TCGETS */

static long linux_call(long number, long a, long b, long c)
{
    long result;
    __asm__ volatile("syscall" : "=a"(result) : "a"(number), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    if (result < 0 && result > -4096) {
        *__errno_location() = (int)-result;
        return -1;
    }
    return result;
}

void *__portico_pages(size_t bytes)
{
    void *pages = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return pages == MAP_FAILED ? NULL : pages;
}

void __portico_pages_free(void *address, size_t bytes) { munmap(address, bytes); }

ssize_t read(int fd, void *buffer, size_t size) { return linux_call(SYS_read, fd, (long)buffer, (long)size); }
ssize_t write(int fd, const void *buffer, size_t size) { return linux_call(SYS_write, fd, (long)buffer, (long)size); }
int close(int fd) { return (int)linux_call(SYS_close, fd, 0, 0); }
off_t lseek(int fd, off_t offset, int whence) { return linux_call(SYS_lseek, fd, offset, whence); }
int lstat(const char *path, void *status) { return (int)linux_call(SYS_lstat, (long)path, (long)status, 0); }
int access(const char *path, int mode) { return (int)linux_call(SYS_access, (long)path, mode, 0); }
int unlink(const char *path) { return (int)linux_call(SYS_unlink, (long)path, 0, 0); }
int rename(const char *from, const char *to) { return (int)linux_call(SYS_rename, (long)from, (long)to, 0); }
int mkdir(const char *path, unsigned int mode) { return (int)linux_call(SYS_mkdir, (long)path, mode, 0); }

int open(const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    unsigned int mode = va_arg(arguments, unsigned int); /* read always: harmless without O_CREAT */
    va_end(arguments);
    return (int)linux_call(SYS_open, (long)path, flags, mode);
}

int isatty(int fd)
{
    char attributes[64]; /* struct termios is 60 bytes */
    return linux_call(SYS_ioctl, fd, kTerminalGetAttributes, (long)attributes) == 0;
}
