// Which I/O ports a task's user code may use (in/out instructions): the
// device port grants ranges to user-space drivers. A task's permissions
// are loaded into the TSS bitmap when its thread runs; only the bytes that
// differ from "all denied" are written, so a switch costs next to nothing
// for tasks without ports and little for drivers with a few.
//
// Ownership: a Task owns its IoPermissions. Concurrency: FIXME(SMP): one TSS.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace arch {

class IoPermissions {
public:
    static constexpr uint32_t kPortCount = 65536;

    static Result<IoPermissions*> create();
    // Unloads it if it is the loaded one, then frees it.
    static void destroy(IoPermissions* permissions);

    // Lets user mode use ports [first, first + count). invalid_argument past port 65535.
    Result<void> allow(uint32_t first, uint32_t count);
    bool allows(uint16_t port) const;

private:
    friend void load_io_permissions(const IoPermissions* permissions);
    uint8_t m_bitmap[kPortCount / 8]; // 0 bit: allowed
    uint32_t m_low_byte = kPortCount / 8; // the bytes that hold a 0 bit: [m_low_byte, m_high_byte)
    uint32_t m_high_byte = 0;
};

// Makes `permissions` (null: none) the ones user mode runs with.
void load_io_permissions(const IoPermissions* permissions);

} // namespace arch
