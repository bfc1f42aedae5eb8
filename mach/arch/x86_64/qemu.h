// Leaving QEMU from the guest, for tests: QEMU is started with
// `-device isa-debug-exit,iobase=0xf4,iosize=0x04`; a value v written to that
// port ends QEMU with exit status (v << 1) | 1.
#pragma once

#include <arch/x86_64/cpu.h>

namespace arch {

enum class QemuExitStatus : uint32_t {
    success = 0, // QEMU exits with 1
    failure = 1, // QEMU exits with 3
};

// Ends QEMU. Without the isa-debug-exit device this does nothing and returns.
inline void qemu_exit(QemuExitStatus status) { outl(0xf4, static_cast<uint32_t>(status)); }

} // namespace arch
