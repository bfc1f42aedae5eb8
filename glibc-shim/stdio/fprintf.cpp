// The printf family that writes to streams and descriptors: printf,
// fprintf, vfprintf, dprintf.
#include "file.h"
#include "format.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

namespace {

struct StreamSink : shim::Sink {
    FILE* stream;
};

bool write_stream(shim::Sink* self, const char* text, size_t length)
{
    auto* sink = static_cast<StreamSink*>(self);
    return shim::put_bytes(sink->stream, text, length) == length;
}

// Collects output in a small buffer and writes it to a descriptor.
struct DescriptorSink : shim::Sink {
    int fd;
    char buffer[512];
    size_t used = 0;

    bool drain()
    {
        size_t done = 0;
        while (done < used) {
            ssize_t written = ::write(fd, buffer + done, used - done);
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return false;
            done += static_cast<size_t>(written);
        }
        used = 0;
        return true;
    }
};

bool write_descriptor(shim::Sink* self, const char* text, size_t length)
{
    auto* sink = static_cast<DescriptorSink*>(self);
    while (length > 0) {
        if (sink->used == sizeof sink->buffer && !sink->drain())
            return false;
        size_t piece = length < sizeof sink->buffer - sink->used ? length : sizeof sink->buffer - sink->used;
        for (size_t i = 0; i < piece; ++i)
            sink->buffer[sink->used + i] = text[i];
        sink->used += piece;
        text += piece;
        length -= piece;
    }
    return true;
}

} // namespace

extern "C" {

int vfprintf(FILE* stream, const char* format, va_list args)
{
    StreamSink sink;
    sink.write = write_stream;
    sink.stream = stream;
    // An unbuffered stream (stderr) would make one write per piece: give it
    // a temporary buffer for the call so a message arrives in one write.
    bool unbuffered = stream->buffer_mode == _IONBF && stream->buffer == nullptr;
    char line[BUFSIZ];
    if (unbuffered) {
        stream->buffer = line;
        stream->capacity = sizeof line;
        stream->buffer_mode = _IOFBF;
    }
    int result = shim::format_to(sink, format, args);
    if (unbuffered) {
        if (shim::flush_output(stream) != 0)
            result = -1;
        stream->buffer = nullptr;
        stream->capacity = 0;
        stream->buffer_mode = _IONBF;
    }
    return result;
}

int fprintf(FILE* stream, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vfprintf(stream, format, args);
    va_end(args);
    return result;
}

int vprintf(const char* format, va_list args) { return vfprintf(stdout, format, args); }

int printf(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vfprintf(stdout, format, args);
    va_end(args);
    return result;
}

int vdprintf(int fd, const char* format, va_list args)
{
    DescriptorSink sink;
    sink.write = write_descriptor;
    sink.fd = fd;
    int result = shim::format_to(sink, format, args);
    if (!sink.drain())
        return -1;
    return result;
}

int dprintf(int fd, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    int result = vdprintf(fd, format, args);
    va_end(args);
    return result;
}

} // extern "C"
