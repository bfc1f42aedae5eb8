// The scanf family's entry points: from a string, a stream, or stdin.
#include "file.h"
#include "scan.h"

#include <stdio.h>

namespace {

struct StringInput : shim::ScanInput {
    const unsigned char* cursor;
};

int next_from_string(shim::ScanInput* self)
{
    auto* input = static_cast<StringInput*>(self);
    if (*input->cursor == 0)
        return -1;
    return *input->cursor++;
}

void give_back_to_string(shim::ScanInput* self, int) { --static_cast<StringInput*>(self)->cursor; }

struct StreamInput : shim::ScanInput {
    FILE* stream;
};

int next_from_stream(shim::ScanInput* self)
{
    int c = shim::get_byte(static_cast<StreamInput*>(self)->stream);
    return c == EOF ? -1 : c;
}

void give_back_to_stream(shim::ScanInput* self, int c) { ungetc(c, static_cast<StreamInput*>(self)->stream); }

} // namespace

extern "C" {

int vsscanf(const char* text, const char* format, va_list args)
{
    StringInput input;
    input.next = next_from_string;
    input.give_back = give_back_to_string;
    input.cursor = reinterpret_cast<const unsigned char*>(text);
    return shim::scan_format(input, format, args);
}

int sscanf(const char* text, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vsscanf(text, format, args);
    va_end(args);
    return result;
}

int vfscanf(FILE* stream, const char* format, va_list args)
{
    StreamInput input;
    input.next = next_from_stream;
    input.give_back = give_back_to_stream;
    input.stream = stream;
    return shim::scan_format(input, format, args);
}

int fscanf(FILE* stream, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vfscanf(stream, format, args);
    va_end(args);
    return result;
}

int vscanf(const char* format, va_list args) { return vfscanf(stdin, format, args); }

int scanf(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vfscanf(stdin, format, args);
    va_end(args);
    return result;
}

} // extern "C"
