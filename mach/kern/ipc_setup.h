// Brings up IPC in the kernel: the core's memory (slab pages and the heap),
// the observer that wakes threads and serves kernel ports, the host and
// device ports.
#pragma once

namespace kern {

// After the heap and the scheduler; before the first task.
void ipc_init();

} // namespace kern
