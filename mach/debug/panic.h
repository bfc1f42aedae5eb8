// Stopping the kernel on an unrecoverable error.
#pragma once

namespace kern {

// Prints the message, a backtrace of the caller and stops this CPU. In test
// mode it ends QEMU with a failing status.
[[noreturn]] void panic(const char* format, ...) __attribute__((format(printf, 1, 2)));

} // namespace kern
