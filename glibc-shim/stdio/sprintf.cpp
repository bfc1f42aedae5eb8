// The printf family that writes to memory: snprintf, sprintf, asprintf.
#include "format.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

// Fills a caller's buffer, keeping room for the final '\0'; the rest of
// the output is only counted.
struct BufferSink : shim::Sink {
    char* buffer;
    size_t room; // bytes that may still be written, '\0' excluded
    size_t used = 0;
};

bool write_buffer(shim::Sink* self, const char* text, size_t length)
{
    auto* sink = static_cast<BufferSink*>(self);
    size_t piece = length < sink->room - sink->used ? length : sink->room - sink->used;
    memcpy(sink->buffer + sink->used, text, piece);
    sink->used += piece;
    return true;
}

// Grows a malloc'ed string as output arrives.
struct GrowingSink : shim::Sink {
    char* buffer = nullptr;
    size_t capacity = 0;
    size_t used = 0;
};

bool write_growing(shim::Sink* self, const char* text, size_t length)
{
    auto* sink = static_cast<GrowingSink*>(self);
    if (sink->used + length + 1 > sink->capacity) {
        size_t capacity = sink->capacity == 0 ? 64 : sink->capacity;
        while (capacity < sink->used + length + 1)
            capacity *= 2;
        char* grown = static_cast<char*>(realloc(sink->buffer, capacity));
        if (grown == nullptr)
            return false;
        sink->buffer = grown;
        sink->capacity = capacity;
    }
    memcpy(sink->buffer + sink->used, text, length);
    sink->used += length;
    return true;
}

} // namespace

extern "C" {

int vsnprintf(char* buffer, size_t size, const char* format, va_list args)
{
    BufferSink sink;
    sink.write = write_buffer;
    sink.buffer = buffer;
    sink.room = size == 0 ? 0 : size - 1;
    int result = shim::format_to(sink, format, args);
    if (size != 0)
        buffer[sink.used] = 0;
    return result;
}

int snprintf(char* buffer, size_t size, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vsnprintf(buffer, size, format, args);
    va_end(args);
    return result;
}

int vsprintf(char* buffer, const char* format, va_list args)
{
    // No size: the caller promises the buffer is large enough.
    return vsnprintf(buffer, static_cast<size_t>(-1) / 2, format, args);
}

int sprintf(char* buffer, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vsprintf(buffer, format, args);
    va_end(args);
    return result;
}

int vasprintf(char** result, const char* format, va_list args)
{
    GrowingSink sink;
    sink.write = write_growing;
    int length = shim::format_to(sink, format, args);
    if (length >= 0 && sink.buffer == nullptr)
        write_growing(&sink, "", 0); // Empty output still needs a string.
    if (length < 0 || sink.buffer == nullptr) {
        free(sink.buffer);
        *result = nullptr;
        if (length >= 0)
            errno = ENOMEM;
        return -1;
    }
    sink.buffer[sink.used] = 0;
    *result = sink.buffer;
    return length;
}

int asprintf(char** result, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vasprintf(result, format, args);
    va_end(args);
    return length;
}

} // extern "C"
