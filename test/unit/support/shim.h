// shim.h: the libc's pure parts as the host tests see them: every symbol
// glibc-shim defines is renamed shim_<name> (make/libc.mk), so it can live
// beside the host's C library. Types are the host glibc's, whose layouts
// the shim shares (x86-64 glibc ABI).
#pragma once

#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

extern "C" {

// crypt/
char* shim_crypt(const char* key, const char* setting);

// string/
void* shim_memcpy(void* to, const void* from, size_t count);
void* shim_mempcpy(void* to, const void* from, size_t count);
void* shim_memmove(void* to, const void* from, size_t count);
void* shim_memset(void* to, int byte, size_t count);
int shim_memcmp(const void* a, const void* b, size_t count);
void* shim_memchr(const void* block, int byte, size_t count);
void* shim_memrchr(const void* block, int byte, size_t count);
void* shim_memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length);
void* shim_memccpy(void* to, const void* from, int stop, size_t count);
void shim_bzero(void* to, size_t count);
void shim_bcopy(const void* from, void* to, size_t count);
size_t shim_strlen(const char* text);
size_t shim_strnlen(const char* text, size_t limit);
char* shim_strcpy(char* to, const char* from);
char* shim_strncpy(char* to, const char* from, size_t count);
char* shim_stpcpy(char* to, const char* from);
char* shim_strcat(char* to, const char* from);
char* shim_strncat(char* to, const char* from, size_t count);
int shim_strcmp(const char* a, const char* b);
int shim_strncmp(const char* a, const char* b, size_t count);
int shim_strcasecmp(const char* a, const char* b);
int shim_strncasecmp(const char* a, const char* b, size_t count);
int shim_strcoll(const char* a, const char* b);
size_t shim_strxfrm(char* to, const char* from, size_t count);
char* shim_strdup(const char* text);
char* shim_strndup(const char* text, size_t limit);
char* shim_strchr(const char* text, int c);
char* shim_strrchr(const char* text, int c);
char* shim_strchrnul(const char* text, int c);
size_t shim_strspn(const char* text, const char* accept);
size_t shim_strcspn(const char* text, const char* reject);
char* shim_strpbrk(const char* text, const char* accept);
char* shim_strstr(const char* haystack, const char* needle);
char* shim_strcasestr(const char* haystack, const char* needle);
char* shim_strtok(char* text, const char* delimiters);
char* shim_strtok_r(char* text, const char* delimiters, char** saved);
char* shim_strsep(char** text, const char* delimiters);
char* shim_strerror(int error);
char* shim_strerror_r(int error, char* buffer, size_t size);
int shim___xpg_strerror_r(int error, char* buffer, size_t size);
char* shim_strsignal(int signal_number);
void shim_psignal(int signal_number, const char* prefix);
int shim_ffs(int value);

// ctype/
int shim_isalnum(int c);
int shim_isalpha(int c);
int shim_isblank(int c);
int shim_iscntrl(int c);
int shim_isdigit(int c);
int shim_isgraph(int c);
int shim_islower(int c);
int shim_isprint(int c);
int shim_ispunct(int c);
int shim_isspace(int c);
int shim_isupper(int c);
int shim_isxdigit(int c);
int shim_tolower(int c);
int shim_toupper(int c);

// stdlib/
void* shim_malloc(size_t size);
void* shim_calloc(size_t count, size_t size);
void* shim_realloc(void* block, size_t size);
void shim_free(void* block);
int shim_posix_memalign(void** result, size_t alignment, size_t size);
void* shim_aligned_alloc(size_t alignment, size_t size);
size_t shim_malloc_usable_size(void* block);
long shim_strtol(const char* text, char** end, int base);
unsigned long shim_strtoul(const char* text, char** end, int base);
long long shim_strtoll(const char* text, char** end, int base);
unsigned long long shim_strtoull(const char* text, char** end, int base);
intmax_t shim_strtoimax(const char* text, char** end, int base);
int shim_atoi(const char* text);
long shim_atol(const char* text);
int shim_abs(int n);
long shim_labs(long n);
div_t shim_div(int numerator, int denominator);
ldiv_t shim_ldiv(long numerator, long denominator);
int shim_rand(void);
void shim_srand(unsigned int seed);
int shim_rand_r(unsigned int* state);
void shim_qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*));
void shim_qsort_r(
    void* base, size_t count, size_t size, int (*compare)(const void*, const void*, void*), void* argument);
void* shim_bsearch(
    const void* key, const void* base, size_t count, size_t size, int (*compare)(const void*, const void*));
extern char** shim_environ;
char* shim_getenv(const char* name);
int shim_setenv(const char* name, const char* value, int overwrite);
int shim_unsetenv(const char* name);
int shim_putenv(char* assignment);
int shim_clearenv(void);
int shim_atexit(void (*handler)(void));
[[noreturn]] void shim_exit(int status);
[[noreturn]] void shim_abort(void);
int shim_mkstemp(char* name_template);
char* shim_mkdtemp(char* name_template);

// misc/
int* shim___errno_location(void);
extern char* shim_optarg;
extern int shim_optind;
extern int shim_opterr;
extern int shim_optopt;
int shim_getopt(int argc, char* const argv[], const char* options);
int shim_getopt_long(
    int argc, char* const argv[], const char* options, const struct option* long_options, int* long_index);
int shim_getopt_long_only(
    int argc, char* const argv[], const char* options, const struct option* long_options, int* long_index);
char* shim_basename(char* path);
char* shim_dirname(char* path);
int shim_fnmatch(const char* pattern, const char* name, int flags);
[[noreturn]] void shim___assert_fail(const char* expression, const char* file, unsigned int line, const char* function);
int shim_sigemptyset(sigset_t* set);
int shim_sigfillset(sigset_t* set);
int shim_sigaddset(sigset_t* set, int signal_number);
int shim_sigdelset(sigset_t* set, int signal_number);
int shim_sigismember(const sigset_t* set, int signal_number);

// setjmp/
int shim_setjmp(jmp_buf environment) __attribute__((__returns_twice__));
int shim_sigsetjmp(sigjmp_buf environment, int save_mask) __attribute__((__returns_twice__));
[[noreturn]] void shim_longjmp(jmp_buf environment, int value);
[[noreturn]] void shim_siglongjmp(sigjmp_buf environment, int value);

// time/
struct tm* shim_gmtime_r(const time_t* when, struct tm* result);
struct tm* shim_localtime_r(const time_t* when, struct tm* result);
time_t shim_timegm(struct tm* broken_down);
time_t shim_mktime(struct tm* broken_down);
char* shim_asctime_r(const struct tm* broken_down, char* buffer);
size_t shim_strftime(char* buffer, size_t size, const char* format, const struct tm* broken_down);

// locale/
char* shim_setlocale(int category, const char* locale);
struct lconv* shim_localeconv(void);
}

// errno as the shim sets it.
inline int& shim_errno() { return *shim___errno_location(); }

// Pages handed to the shim's malloc through __portico_pages (support/libc_pages.cpp).
size_t shim_pages_outstanding();
