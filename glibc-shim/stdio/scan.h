// The scanf engine, shared by sscanf, fscanf and scanf: reads characters
// from a ScanInput as the format directs and stores through the pointers.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace shim {

struct ScanInput {
    // The next character, or -1 at the end.
    int (*next)(ScanInput* self);
    // Gives back the one character last read (scanf needs one of look-ahead).
    void (*give_back)(ScanInput* self, int c);
    size_t consumed = 0; // for %n
};

// Returns the number of assignments, or EOF when the input ended (or
// failed) before the first conversion.
int scan_format(ScanInput& input, const char* format, va_list args);

} // namespace shim
