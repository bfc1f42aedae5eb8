// __assert_fail: what a failed assert() calls.
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

void put(const char* text) { write(2, text, strlen(text)); }

void put_number(unsigned int number)
{
    char digits[12];
    int length = 0;
    do {
        digits[sizeof digits - 1 - length++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    write(2, digits + sizeof digits - length, static_cast<size_t>(length));
}

} // namespace

extern "C" {

// "<program>: <file>:<line>: <function>: Assertion `<expression>' failed."
void __assert_fail(const char* expression, const char* file, unsigned int line, const char* function)
{
    if (program_invocation_name != nullptr && *program_invocation_name != '\0') {
        put(program_invocation_name);
        put(": ");
    }
    put(file);
    put(":");
    put_number(line);
    put(": ");
    if (function != nullptr) {
        put(function);
        put(": ");
    }
    put("Assertion `");
    put(expression);
    put("' failed.\n");
    abort();
}

} // extern "C"
