/* string.h: memory and string functions. */
#ifndef _STRING_H
#define _STRING_H 1

#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

void *memcpy(void *__restrict to, const void *__restrict from, size_t count);
void *memmove(void *to, const void *from, size_t count);
void *memset(void *to, int byte, size_t count);
int memcmp(const void *a, const void *b, size_t count);
void *memchr(const void *block, int byte, size_t count);
void *memrchr(const void *block, int byte, size_t count);
void *rawmemchr(const void *block, int byte);
void *memccpy(void *__restrict to, const void *__restrict from, int stop, size_t count);
void *mempcpy(void *__restrict to, const void *__restrict from, size_t count);
void *memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

size_t strlen(const char *text);
size_t strnlen(const char *text, size_t limit);
char *strcpy(char *__restrict to, const char *__restrict from);
char *strncpy(char *__restrict to, const char *__restrict from, size_t count);
char *stpcpy(char *__restrict to, const char *__restrict from);
char *stpncpy(char *__restrict to, const char *__restrict from, size_t count);
char *strcat(char *__restrict to, const char *__restrict from);
char *strncat(char *__restrict to, const char *__restrict from, size_t count);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t count);
int strcoll(const char *a, const char *b);
size_t strxfrm(char *__restrict to, const char *__restrict from, size_t count);
char *strdup(const char *text);
char *strndup(const char *text, size_t limit);
char *strchr(const char *text, int c);
char *strrchr(const char *text, int c);
char *strchrnul(const char *text, int c);
size_t strspn(const char *text, const char *accept);
size_t strcspn(const char *text, const char *reject);
char *strpbrk(const char *text, const char *accept);
char *strstr(const char *haystack, const char *needle);
char *strcasestr(const char *haystack, const char *needle);
char *strtok(char *__restrict text, const char *__restrict delimiters);
char *strtok_r(char *__restrict text, const char *__restrict delimiters, char **__restrict saved);
char *strsep(char **__restrict text, const char *__restrict delimiters);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t count);

char *strerror(int error);
/* POSIX strerror_r (fills buffer, returns 0 or an error number). */
int __xpg_strerror_r(int error, char *buffer, size_t size);
#ifdef _GNU_SOURCE
/* GNU strerror_r: returns the text (buffer or a constant string). */
char *strerror_r(int error, char *buffer, size_t size);
#else
# define strerror_r __xpg_strerror_r
#endif
char *strsignal(int signal_number);

/* Declared here too for programs that expect the BSD names with string.h. */
void bzero(void *to, size_t count);
void bcopy(const void *from, void *to, size_t count);

__END_DECLS

#endif
