// Out-of-line message memory in the kernel: the ipc::OutOfLineMemory seam
// over the current task's address space.
#pragma once

#include <ipc/message.h>

namespace kern {

ipc::OutOfLineMemory& kernel_out_of_line_memory();

} // namespace kern
