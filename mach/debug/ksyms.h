// The kernel's own symbol table, generated from the first link of the image
// by mach/tools/ksyms.py and linked in as the last section.
#pragma once

#include <stdint.h>

namespace kern {

struct SymbolLocation {
    const char* name; // demangled function name
    uint64_t offset; // bytes past the function's start
};

// Finds the function containing `address`; false if it lies outside the
// kernel's text or the table is empty.
bool find_symbol(uint64_t address, SymbolLocation& out);

// Number of symbols in the table.
uint64_t symbol_count();

} // namespace kern
