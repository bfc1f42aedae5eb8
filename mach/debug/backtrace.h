// Walking the chain of frame pointers (the kernel is built with
// -fno-omit-frame-pointer) to print who called whom.
#pragma once

#include <stdint.h>

namespace kern {

// Prints up to `max_frames` return addresses, symbolized and numbered from
// `first_number`, starting from the frame whose base pointer is `frame_pointer`. Stops at a null, misaligned,
// non-kernel or non-increasing frame pointer, so a corrupt stack ends the
// walk instead of faulting.
void print_backtrace(uint64_t frame_pointer, int first_number = 0, int max_frames = 24);

// Writes "name+0xoffset" (or "?") for a kernel address into buffer.
void describe_address(uint64_t address, char* buffer, unsigned long size);

} // namespace kern
