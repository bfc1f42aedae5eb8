/* stdio.h: buffered streams over file descriptors and the printf/scanf
   families (glibc's names; FILE is opaque to programs). */
#ifndef _STDIO_H
#define _STDIO_H 1

#include <bits/types.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef __builtin_va_list __gnuc_va_list;

struct _IO_FILE;
typedef struct _IO_FILE FILE;
typedef struct _IO_FILE __FILE;

/* A stream position: the byte offset (no shift state: no wide streams). */
typedef struct _G_fpos_t {
    off_t __pos;
    long __state;
} fpos_t;

#define EOF (-1)
#define BUFSIZ 8192
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define L_tmpnam 20
#define L_ctermid 9
#define TMP_MAX 238328
#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define P_tmpdir "/tmp"

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

#define __shim_printf_like(f, a) __attribute__((__format__(__printf__, f, a)))
#define __shim_scanf_like(f, a) __attribute__((__format__(__scanf__, f, a)))

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *stream);
FILE *fmemopen(void *buffer, size_t size, const char *mode);
FILE *open_memstream(char **buffer, size_t *size);
FILE *tmpfile(void);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *stream);
int fclose(FILE *stream);
int fflush(FILE *stream);
int setvbuf(FILE *stream, char *buffer, int mode, size_t size);
void setbuf(FILE *stream, char *buffer);
void setbuffer(FILE *stream, char *buffer, size_t size);
void setlinebuf(FILE *stream);

size_t fread(void *buffer, size_t size, size_t count, FILE *stream);
size_t fwrite(const void *buffer, size_t size, size_t count, FILE *stream);
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int getc_unlocked(FILE *stream);
int getchar_unlocked(void);
char *fgets(char *line, int size, FILE *stream);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int putc_unlocked(int c, FILE *stream);
int putchar_unlocked(int c);
int fputs(const char *text, FILE *stream);
int puts(const char *text);
int ungetc(int c, FILE *stream);
ssize_t getline(char **line, size_t *capacity, FILE *stream);
ssize_t getdelim(char **line, size_t *capacity, int delimiter, FILE *stream);

int fseek(FILE *stream, long offset, int whence);
int fseeko(FILE *stream, off_t offset, int whence);
long ftell(FILE *stream);
off_t ftello(FILE *stream);
void rewind(FILE *stream);
int fgetpos(FILE *stream, fpos_t *position);
int fsetpos(FILE *stream, const fpos_t *position);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
int fileno(FILE *stream);
void flockfile(FILE *stream);
void funlockfile(FILE *stream);
int ftrylockfile(FILE *stream);

void perror(const char *prefix);
int remove(const char *path);
int rename(const char *old_path, const char *new_path);
char *tmpnam(char *name);

int printf(const char *format, ...) __shim_printf_like(1, 2);
int fprintf(FILE *stream, const char *format, ...) __shim_printf_like(2, 3);
int sprintf(char *buffer, const char *format, ...) __shim_printf_like(2, 3);
int snprintf(char *buffer, size_t size, const char *format, ...) __shim_printf_like(3, 4);
int dprintf(int fd, const char *format, ...) __shim_printf_like(2, 3);
int asprintf(char **result, const char *format, ...) __shim_printf_like(2, 3);
int vprintf(const char *format, va_list args) __shim_printf_like(1, 0);
int vfprintf(FILE *stream, const char *format, va_list args) __shim_printf_like(2, 0);
int vsprintf(char *buffer, const char *format, va_list args) __shim_printf_like(2, 0);
int vsnprintf(char *buffer, size_t size, const char *format, va_list args) __shim_printf_like(3, 0);
int vdprintf(int fd, const char *format, va_list args) __shim_printf_like(2, 0);
int vasprintf(char **result, const char *format, va_list args) __shim_printf_like(2, 0);

int scanf(const char *format, ...) __shim_scanf_like(1, 2);
int fscanf(FILE *stream, const char *format, ...) __shim_scanf_like(2, 3);
int sscanf(const char *text, const char *format, ...) __shim_scanf_like(2, 3);
int vscanf(const char *format, va_list args) __shim_scanf_like(1, 0);
int vfscanf(FILE *stream, const char *format, va_list args) __shim_scanf_like(2, 0);
int vsscanf(const char *text, const char *format, va_list args) __shim_scanf_like(2, 0);

/* Flushes every open stream; exit() calls it. */
void __libc_flush_all(void);

#ifdef __cplusplus
}
#endif

#endif
