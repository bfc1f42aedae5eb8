#include <debug/ksyms.h>

// Emitted by ksyms.py: addresses sorted ascending, each with an offset into
// the name blob. The last entry is a sentinel at the end of the text.
extern "C" const uint64_t ksyms_count;
extern "C" const uint64_t ksyms_addresses[];
extern "C" const uint32_t ksyms_name_offsets[];
extern "C" const char ksyms_names[];

namespace kern {

bool find_symbol(uint64_t address, SymbolLocation& out)
{
    uint64_t count = ksyms_count;
    if (count == 0 || address < ksyms_addresses[0] || address >= ksyms_addresses[count])
        return false;
    // Binary search for the last symbol starting at or below the address.
    uint64_t low = 0, high = count;
    while (high - low > 1) {
        uint64_t middle = low + (high - low) / 2;
        if (ksyms_addresses[middle] <= address)
            low = middle;
        else
            high = middle;
    }
    out.name = &ksyms_names[ksyms_name_offsets[low]];
    out.offset = address - ksyms_addresses[low];
    return true;
}

uint64_t symbol_count() { return ksyms_count; }

} // namespace kern
