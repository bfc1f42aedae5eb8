// The renamed (shim_) stdio, stdlib-number and math functions of the libc's
// host object (make/libc.mk), for test_libc_stdio.cpp and test_libc_math.cpp (the rest is in shim.h).
#pragma once

#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <sys/types.h>

#include "shim.h"

extern "C" {
int shim_snprintf(char* buffer, size_t size, const char* format, ...);
int shim_vsnprintf(char* buffer, size_t size, const char* format, va_list args);
int shim_sprintf(char* buffer, const char* format, ...);
int shim_asprintf(char** result, const char* format, ...);
int shim_fprintf(FILE* stream, const char* format, ...);
int shim_dprintf(int fd, const char* format, ...);
int shim_sscanf(const char* text, const char* format, ...);
int shim_fscanf(FILE* stream, const char* format, ...);
double shim_strtod(const char* text, char** end);
float shim_strtof(const char* text, char** end);
double shim_atof(const char* text);

FILE* shim_fopen(const char* path, const char* mode);
FILE* shim_fdopen(int fd, const char* mode);
FILE* shim_freopen(const char* path, const char* mode, FILE* stream);
FILE* shim_fmemopen(void* buffer, size_t size, const char* mode);
FILE* shim_open_memstream(char** buffer, size_t* size);
FILE* shim_tmpfile(void);
FILE* shim_popen(const char* command, const char* mode);
int shim_pclose(FILE* stream);
int shim_fclose(FILE* stream);
int shim_fflush(FILE* stream);
int shim_setvbuf(FILE* stream, char* buffer, int mode, size_t size);
size_t shim_fread(void* buffer, size_t size, size_t count, FILE* stream);
size_t shim_fwrite(const void* buffer, size_t size, size_t count, FILE* stream);
int shim_fgetc(FILE* stream);
char* shim_fgets(char* line, int size, FILE* stream);
int shim_fputc(int c, FILE* stream);
int shim_fputs(const char* text, FILE* stream);
int shim_ungetc(int c, FILE* stream);
ssize_t shim_getline(char** line, size_t* capacity, FILE* stream);
ssize_t shim_getdelim(char** line, size_t* capacity, int delimiter, FILE* stream);
int shim_fseek(FILE* stream, long offset, int whence);
long shim_ftell(FILE* stream);
void shim_rewind(FILE* stream);
int shim_feof(FILE* stream);
int shim_ferror(FILE* stream);
void shim_clearerr(FILE* stream);
int shim_fileno(FILE* stream);
int shim_remove(const char* path);
void shim___libc_flush_all(void);

double shim_fabs(double);
double shim_floor(double);
double shim_ceil(double);
double shim_round(double);
double shim_trunc(double);
double shim_rint(double);
double shim_nearbyint(double);
double shim_sqrt(double);
double shim_cbrt(double);
double shim_exp(double);
double shim_exp2(double);
double shim_expm1(double);
double shim_log(double);
double shim_log2(double);
double shim_log10(double);
double shim_log1p(double);
double shim_sin(double);
double shim_cos(double);
double shim_tan(double);
double shim_asin(double);
double shim_acos(double);
double shim_atan(double);
double shim_sinh(double);
double shim_cosh(double);
double shim_tanh(double);
double shim_asinh(double);
double shim_acosh(double);
double shim_atanh(double);
double shim_fmod(double, double);
double shim_remainder(double, double);
double shim_pow(double, double);
double shim_atan2(double, double);
double shim_hypot(double, double);
double shim_copysign(double, double);
double shim_nextafter(double, double);
double shim_fmin(double, double);
double shim_fmax(double, double);
double shim_fdim(double, double);
double shim_modf(double, double*);
double shim_frexp(double, int*);
double shim_ldexp(double, int);
double shim_scalbn(double, int);
long shim_lround(double);
long shim_lrint(double);
float shim_sinf(float);
float shim_powf(float, float);
float shim_sqrtf(float);
}
