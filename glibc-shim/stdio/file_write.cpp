// Output: fwrite, fputc, fputs, puts and the flushing they share.
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

namespace shim {

namespace {

// Writes all of `data` through the backend, retrying short writes and EINTR.
bool write_all(FILE* stream, const char* data, size_t size)
{
    while (size > 0) {
        ssize_t written = stream->backend->write(stream, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            stream->has_error = true;
            return false;
        }
        data += written;
        size -= static_cast<size_t>(written);
    }
    return true;
}

// Readies a stream for output: it must be writable, and read-ahead is
// given back first (C requires a seek between the two; we forgive it).
bool begin_output(FILE* stream)
{
    if (!stream->writable) {
        stream->has_error = true;
        errno = EBADF;
        return false;
    }
    if (stream->read_end > stream->read_position || stream->pushed_back >= 0)
        if (discard_input(stream) != 0)
            return false;
    stream->read_position = stream->read_end = 0;
    return ensure_buffer(stream);
}

} // namespace

int flush_output(FILE* stream)
{
    if (stream->write_used == 0)
        return 0;
    size_t pending = stream->write_used;
    stream->write_used = 0;
    return write_all(stream, stream->buffer, pending) ? 0 : EOF;
}

// The single output path: buffer what fits, write through when the buffer
// fills, and flush at a newline for line-buffered streams.
size_t put_bytes(FILE* stream, const char* data, size_t size)
{
    if (!begin_output(stream))
        return 0;
    if (stream->buffer_mode == _IONBF || stream->buffer == nullptr)
        return write_all(stream, data, size) ? size : 0;
    size_t done = 0;
    while (done < size) {
        if (stream->write_used == stream->capacity && flush_output(stream) != 0)
            return done;
        size_t room = stream->capacity - stream->write_used;
        size_t piece = size - done < room ? size - done : room;
        // A large write with an empty buffer goes straight through.
        if (stream->write_used == 0 && size - done >= stream->capacity) {
            if (!write_all(stream, data + done, size - done))
                return done;
            return size;
        }
        memcpy(stream->buffer + stream->write_used, data + done, piece);
        stream->write_used += piece;
        done += piece;
    }
    if (stream->buffer_mode == _IOLBF && memchr(data, '\n', size) != nullptr && flush_output(stream) != 0)
        return size; // The bytes were accepted; the error flag tells the rest.
    return size;
}

} // namespace shim

using shim::put_bytes;

extern "C" {

size_t fwrite(const void* data, size_t size, size_t count, FILE* stream)
{
    if (size == 0 || count == 0)
        return 0;
    if (count > static_cast<size_t>(-1) / size) {
        errno = EOVERFLOW;
        return 0;
    }
    return put_bytes(stream, static_cast<const char*>(data), size * count) / size;
}

int fputc(int c, FILE* stream)
{
    char byte = static_cast<char>(c);
    return put_bytes(stream, &byte, 1) == 1 ? static_cast<unsigned char>(byte) : EOF;
}

int putc(int c, FILE* stream) { return fputc(c, stream); }
int putc_unlocked(int c, FILE* stream) { return fputc(c, stream); }
int putchar(int c) { return fputc(c, stdout); }
int putchar_unlocked(int c) { return fputc(c, stdout); }

int fputs(const char* text, FILE* stream)
{
    size_t length = strlen(text);
    return put_bytes(stream, text, length) == length ? 1 : EOF;
}

int puts(const char* text)
{
    if (fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 1;
}

} // extern "C"
