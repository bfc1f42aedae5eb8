#include <arch/x86_64/memory_probe.h>

extern "C" int probe_read_byte(const volatile void* address, uint8_t* value);
extern "C" int probe_rewrite_byte(volatile void* address);

namespace {

struct FaultFixup {
    uint64_t instruction;
    uint64_t resume;
};

} // namespace

extern "C" const FaultFixup __fault_fixups_start[];
extern "C" const FaultFixup __fault_fixups_end[];

namespace arch {

bool probe_read(const volatile void* address, uint8_t& value) { return probe_read_byte(address, &value) == 0; }

bool probe_write(volatile void* address) { return probe_rewrite_byte(address) == 0; }

uint64_t find_fault_fixup(uint64_t rip)
{
    for (const FaultFixup* fixup = __fault_fixups_start; fixup != __fault_fixups_end; ++fixup) {
        if (fixup->instruction == rip)
            return fixup->resume;
    }
    return 0;
}

} // namespace arch
