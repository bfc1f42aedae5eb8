#include <boot/firmware_memory.h>

#include <vm/address_space.h>
#include <vm/kernel_space.h>

namespace kern {

bool read_firmware_memory(PhysAddr address, void* out, size_t size, void*)
{
    constexpr PhysAddr kPhysicalLimit = 1ull << 46;
    if (address >= kPhysicalLimit || size > kPhysicalLimit - address)
        return false;
    Result<void*> mapped = vm::map_device_memory(address, size);
    return mapped.ok() && copy_bytes_checked(out, mapped.value(), size) == 0;
}

} // namespace kern
