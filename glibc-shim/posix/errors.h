// From the system's errors (mach/error.h) to errno values, and the usual
// way a POSIX call fails: errno set, -1 returned.
#pragma once

#include <freestanding/result.h>

namespace posix {

int errno_of(Error error);

// Sets errno to errno_of(error) and returns -1.
int fail(Error error);
// Sets errno to `number` and returns -1.
int fail_with(int number);

} // namespace posix
