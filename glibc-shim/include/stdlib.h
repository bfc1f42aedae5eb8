/* stdlib.h: memory, conversions, environment, program exit. */
#ifndef _STDLIB_H
#define _STDLIB_H 1

#include <features.h>
#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <alloca.h>
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX ((size_t)1)

__BEGIN_DECLS

typedef struct {
    int quot;
    int rem;
} div_t;
typedef struct {
    long quot;
    long rem;
} ldiv_t;
typedef struct {
    long long quot;
    long long rem;
} lldiv_t;

/* Memory (stdlib/malloc). */
void *malloc(size_t size) __attribute_malloc__;
void *calloc(size_t count, size_t size) __attribute_malloc__;
void *realloc(void *block, size_t size);
void *reallocarray(void *block, size_t count, size_t size);
void free(void *block);
int posix_memalign(void **result, size_t alignment, size_t size);
void *aligned_alloc(size_t alignment, size_t size) __attribute_malloc__;
void *memalign(size_t alignment, size_t size) __attribute_malloc__;
void *valloc(size_t size) __attribute_malloc__;
size_t malloc_usable_size(void *block);

/* Number conversions. */
long strtol(const char *__restrict text, char **__restrict end, int base);
unsigned long strtoul(const char *__restrict text, char **__restrict end, int base);
long long strtoll(const char *__restrict text, char **__restrict end, int base);
unsigned long long strtoull(const char *__restrict text, char **__restrict end, int base);
long long strtoq(const char *__restrict text, char **__restrict end, int base);
unsigned long long strtouq(const char *__restrict text, char **__restrict end, int base);
double strtod(const char *__restrict text, char **__restrict end);
float strtof(const char *__restrict text, char **__restrict end);
long double strtold(const char *__restrict text, char **__restrict end);
double atof(const char *text);
int atoi(const char *text);
long atol(const char *text);
long long atoll(const char *text);

int abs(int n) __attribute_const__;
long labs(long n) __attribute_const__;
long long llabs(long long n) __attribute_const__;
div_t div(int numerator, int denominator) __attribute_const__;
ldiv_t ldiv(long numerator, long denominator) __attribute_const__;
lldiv_t lldiv(long long numerator, long long denominator) __attribute_const__;

/* Pseudo-random numbers. */
int rand(void);
void srand(unsigned int seed);
int rand_r(unsigned int *state);
long random(void);
void srandom(unsigned int seed);

/* Sorting and searching. */
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
void qsort_r(void *base, size_t count, size_t size, int (*compare)(const void *, const void *, void *), void *argument);
void *bsearch(const void *key, const void *base, size_t count, size_t size, int (*compare)(const void *, const void *));

/* Environment (over `environ`, see unistd.h). */
char *getenv(const char *name);
char *secure_getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *assignment);
int clearenv(void);

/* Program end. */
int atexit(void (*handler)(void));
int on_exit(void (*handler)(int, void *), void *argument);
void exit(int status) __attribute__((__noreturn__));
void _Exit(int status) __attribute__((__noreturn__));
void abort(void) __attribute__((__noreturn__));
int system(const char *command);

/* Files. */
int mkstemp(char *name_template);
int mkostemp(char *name_template, int flags);
char *mkdtemp(char *name_template);
char *mktemp(char *name_template);
char *realpath(const char *__restrict path, char *__restrict resolved);

/* Multibyte characters: the "C" locale is single-byte. */
int mblen(const char *text, size_t count);
int mbtowc(wchar_t *__restrict result, const char *__restrict text, size_t count);
int wctomb(char *text, wchar_t character);
size_t mbstowcs(wchar_t *__restrict to, const char *__restrict from, size_t count);
size_t wcstombs(char *__restrict to, const wchar_t *__restrict from, size_t count);

char *ptsname(int fd);
int grantpt(int fd);
int unlockpt(int fd);
int posix_openpt(int flags);
int getloadavg(double loads[], int count);

__END_DECLS

#endif
