// Self tests of the kernel's own symbol table (used by panic backtraces).
#include <debug/ksyms.h>
#include <freestanding/string.h>
#include <kernel/ktest.h>

extern "C" void kernel_main(uint32_t, uint64_t);

namespace {

[[gnu::noinline]] int symbol_test_marker(int x) { return x * 3 + 1; }

} // namespace

KTEST(symbols_name_kernel_functions)
{
    kern::SymbolLocation location {};
    KEXPECT(kern::symbol_count() > 50);
    KEXPECT(kern::find_symbol(reinterpret_cast<uint64_t>(&kernel_main), location));
    KEXPECT(strcmp(location.name, "kernel_main") == 0);
    KEXPECT(location.offset == 0);

    uint64_t inside = reinterpret_cast<uint64_t>(&symbol_test_marker) + 1;
    KEXPECT(kern::find_symbol(inside, location));
    KEXPECT(strncmp(location.name, "(anonymous namespace)::symbol_test_marker", 41) == 0);
    KEXPECT(location.offset == 1);
    KEXPECT(symbol_test_marker(1) == 4);
}

KTEST(symbols_reject_foreign_addresses)
{
    kern::SymbolLocation location {};
    KEXPECT(!kern::find_symbol(0, location));
    KEXPECT(!kern::find_symbol(0x400000, location));
    static int data_object;
    KEXPECT(!kern::find_symbol(reinterpret_cast<uint64_t>(&data_object), location));
}
