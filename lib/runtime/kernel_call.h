// Calling a kernel object (mach/kernel_objects.h): one RPC to a task,
// thread or host port, through a reply port made for the call.
#pragma once

#include <mach/kernel_objects.h>
#include <runtime/mach.h>
#include <stddef.h>

namespace mach {

// Sends `call` with `body` (body_size bytes, a multiple of 8) to `object`
// and waits for the answer; copies up to result_size bytes of the result,
// and the name of a right that came with it to *right (if right is given).
// Returns the IPC error, or else the operation's status.
Error kernel_call(PortName object, KernelCall call, const void* body, size_t body_size, void* result,
    size_t result_size, PortName* right = nullptr);

// The same, handing the kernel a right too: `give` by `disposition`, in the request's one port descriptor.
Error kernel_call_giving(PortName object, KernelCall call, PortName give, Disposition disposition, const void* body,
    size_t body_size, void* result, size_t result_size, PortName* right = nullptr);

} // namespace mach
