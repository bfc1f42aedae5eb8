// errno's storage: one global, as Portico programs have one thread.
#include <errno.h>

namespace {
int g_errno;
}

extern "C" {

int* __errno_location(void) noexcept { return &g_errno; }

// Set by the program start from argv[0].
char* program_invocation_name = const_cast<char*>("");
char* program_invocation_short_name = const_cast<char*>("");

} // extern "C"
