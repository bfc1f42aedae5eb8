// A "#!" script's first line: the interpreter's path and its optional one
// argument (as Linux reads it: the rest of the line after the path, with
// surrounding blanks trimmed). Pure logic: host-tested.
#pragma once

#include <mach/error.h>
#include <stddef.h>
#include <stdint.h>

namespace exec {

constexpr uint32_t kMaxScriptLine = 256;

struct ScriptLine {
    char text[kMaxScriptLine]; // path and argument point into it
    const char* interpreter = nullptr;
    const char* argument = nullptr; // null if none
};

// Whether the file starts with "#!".
bool is_script(const uint8_t* image, size_t size);

// Reads the "#!" line of `image`; invalid_argument if it names no
// interpreter or does not end within kMaxScriptLine bytes.
Error parse_script_line(const uint8_t* image, size_t size, ScriptLine& line);

} // namespace exec
