// From the system's errors (mach/error.h) to errno values, and the usual
// way a POSIX call fails: errno set, -1 returned. The library's internals
// return Result<T> (or the Error) as lib/ does and propagate with TRY; only
// the public POSIX functions turn an error into -1 and errno, here.
#pragma once

#include <freestanding/result.h>

namespace posix {

int errno_of(Error error);

// Sets errno to errno_of(error) and returns -1.
int fail(Error error);
// Sets errno to `number` and returns -1.
int fail_with(int number);
// 0 when `result` is ok, else fail(result.error()): the answer of a call that returns no value.
int zero_or_fail(const Result<void>& result);

} // namespace posix
