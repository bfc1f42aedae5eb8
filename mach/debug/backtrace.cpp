#include <debug/backtrace.h>
#include <debug/format.h>
#include <debug/ksyms.h>
#include <debug/log.h>
#include <vm/layout.h>

namespace kern {
namespace {

// Kernel stacks live in the kernel image (.bss) or the direct map: both in
// the upper half.
bool plausible_frame_pointer(uint64_t pointer)
{
    return pointer >= vm::kDirectMapBase && (pointer & 7) == 0 && pointer < ~uint64_t(15);
}

void print_line(const char* text)
{
    char line[256];
    size_t length = format_string(line, sizeof(line), "%s\n", text);
    log_raw(line, length < sizeof(line) ? length : sizeof(line) - 1);
}

} // namespace

void describe_address(uint64_t address, char* buffer, unsigned long size)
{
    SymbolLocation location;
    if (find_symbol(address, location))
        format_string(buffer, size, "%s+%#lx", location.name, location.offset);
    else
        format_string(buffer, size, "?");
}

void print_backtrace(uint64_t frame_pointer, int first_number, int max_frames)
{
    print_line("backtrace:");
    for (int depth = 0; depth < max_frames && plausible_frame_pointer(frame_pointer); ++depth) {
        const uint64_t* frame = reinterpret_cast<const uint64_t*>(frame_pointer);
        uint64_t next = frame[0];
        uint64_t return_address = frame[1];
        if (return_address == 0)
            break;
        char where[160], line[200];
        // The return address points after the call; look up the call itself.
        describe_address(return_address - 1, where, sizeof(where));
        format_string(line, sizeof(line), "  #%-2d %#018lx %s", first_number + depth, return_address, where);
        print_line(line);
        if (next <= frame_pointer)
            break;
        frame_pointer = next;
    }
}

} // namespace kern
