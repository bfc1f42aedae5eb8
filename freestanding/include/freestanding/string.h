// The memory and string functions of freestanding/string.cpp, for the kernel
// and user programs (neither has a C library).
#pragma once

#include <stddef.h>

extern "C" {
void* memcpy(void* destination, const void* source, size_t count);
void* memmove(void* destination, const void* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(const void* left, const void* right, size_t count);
size_t strlen(const char* s);
int strcmp(const char* left, const char* right);
int strncmp(const char* left, const char* right, size_t count);
}
