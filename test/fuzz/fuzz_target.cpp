#include "fuzz_target.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

void fail(const char* format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    std::fputs("fuzz: ", stderr);
    std::vfprintf(stderr, format, arguments);
    std::fputc('\n', stderr);
    va_end(arguments);
    std::abort();
}

#ifndef PORTICO_LIBFUZZER
namespace {
Registration* g_first = nullptr;
}

Registration::Registration(const Target& target_)
    : target(&target_)
    , next(g_first)
{
    g_first = this;
}

Registration* registered_targets() { return g_first; }
#endif

} // namespace fuzz
