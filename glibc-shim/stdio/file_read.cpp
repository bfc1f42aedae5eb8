// Input: fread, fgetc, fgets, ungetc, getline and getdelim.
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace shim {

namespace {

// Readies a stream for input: pending output is written first.
bool begin_input(FILE* stream)
{
    if (!stream->readable) {
        stream->has_error = true;
        errno = EBADF;
        return false;
    }
    if (stream->write_used > 0 && flush_output(stream) != 0)
        return false;
    return ensure_buffer(stream);
}

// Reads once from the backend; returns the count, 0 at end of file (sets
// at_eof) or -1 on error (sets has_error).
ssize_t read_once(FILE* stream, char* buffer, size_t size)
{
    if (stream->fd == 0 || stream->backend == &k_descriptor_backend)
        flush_line_buffered_streams();
    for (;;) {
        ssize_t got = stream->backend->read(stream, buffer, size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            stream->at_eof = true;
        if (got < 0)
            stream->has_error = true;
        return got;
    }
}

// Refills an empty buffer; false at end of file or error.
bool refill(FILE* stream)
{
    if (stream->buffer == nullptr)
        return false;
    ssize_t got = read_once(stream, stream->buffer, stream->capacity);
    stream->read_position = 0;
    stream->read_end = got > 0 ? static_cast<size_t>(got) : 0;
    return got > 0;
}

} // namespace

// The next byte, or EOF.
int get_byte(FILE* stream)
{
    if (stream->pushed_back >= 0) {
        int c = stream->pushed_back;
        stream->pushed_back = -1;
        return c;
    }
    if (stream->read_position < stream->read_end)
        return static_cast<unsigned char>(stream->buffer[stream->read_position++]);
    if (!begin_input(stream))
        return EOF;
    if (stream->buffer == nullptr) { // unbuffered
        char byte;
        return read_once(stream, &byte, 1) == 1 ? static_cast<unsigned char>(byte) : EOF;
    }
    if (!refill(stream))
        return EOF;
    return static_cast<unsigned char>(stream->buffer[stream->read_position++]);
}

} // namespace shim

using shim::get_byte;

extern "C" {

int fgetc(FILE* stream) { return get_byte(stream); }
int getc(FILE* stream) { return get_byte(stream); }
int getc_unlocked(FILE* stream) { return get_byte(stream); }
int getchar(void) { return get_byte(stdin); }
int getchar_unlocked(void) { return get_byte(stdin); }

size_t fread(void* data, size_t size, size_t count, FILE* stream)
{
    if (size == 0 || count == 0)
        return 0;
    if (count > static_cast<size_t>(-1) / size) {
        errno = EOVERFLOW;
        return 0;
    }
    char* out = static_cast<char*>(data);
    size_t wanted = size * count;
    size_t done = 0;
    if (stream->pushed_back >= 0) {
        out[done++] = static_cast<char>(stream->pushed_back);
        stream->pushed_back = -1;
    }
    while (done < wanted) {
        size_t buffered = stream->read_end - stream->read_position;
        if (buffered > 0) {
            size_t piece = wanted - done < buffered ? wanted - done : buffered;
            memcpy(out + done, stream->buffer + stream->read_position, piece);
            stream->read_position += piece;
            done += piece;
            continue;
        }
        if (!shim::begin_input(stream))
            break;
        // Large requests read straight into the caller's memory.
        if (stream->buffer == nullptr || wanted - done >= stream->capacity) {
            ssize_t got = shim::read_once(stream, out + done, wanted - done);
            if (got <= 0)
                break;
            done += static_cast<size_t>(got);
            continue;
        }
        if (!shim::refill(stream))
            break;
    }
    return done / size;
}

char* fgets(char* line, int size, FILE* stream)
{
    if (size <= 0) {
        errno = EINVAL;
        return nullptr;
    }
    int used = 0;
    while (used < size - 1) {
        int c = get_byte(stream);
        if (c == EOF)
            break;
        line[used++] = static_cast<char>(c);
        if (c == '\n')
            break;
    }
    if (used == 0 && size > 1)
        return nullptr; // End of file (or error) before any byte.
    line[used] = 0;
    return line;
}

int ungetc(int c, FILE* stream)
{
    if (c == EOF)
        return EOF;
    if (stream->read_position > 0 && stream->buffer != nullptr && stream->pushed_back < 0) {
        stream->buffer[--stream->read_position] = static_cast<char>(c);
    } else if (stream->pushed_back < 0) {
        stream->pushed_back = static_cast<unsigned char>(c);
    } else {
        return EOF; // One byte of push-back is all C promises.
    }
    stream->at_eof = false;
    return static_cast<unsigned char>(c);
}

ssize_t getdelim(char** line, size_t* capacity, int delimiter, FILE* stream)
{
    if (line == nullptr || capacity == nullptr) {
        errno = EINVAL;
        return -1;
    }
    size_t used = 0;
    for (;;) {
        int c = get_byte(stream);
        if (c == EOF && used == 0)
            return -1;
        if (*line == nullptr || used + 2 > *capacity) {
            size_t grown = *capacity < 60 ? 120 : *capacity * 2;
            char* bigger = static_cast<char*>(realloc(*line, grown));
            if (bigger == nullptr) {
                errno = ENOMEM;
                return -1;
            }
            *line = bigger;
            *capacity = grown;
        }
        if (c == EOF)
            break;
        (*line)[used++] = static_cast<char>(c);
        if (c == delimiter)
            break;
    }
    (*line)[used] = 0;
    return static_cast<ssize_t>(used);
}

ssize_t getline(char** line, size_t* capacity, FILE* stream) { return getdelim(line, capacity, '\n', stream); }

} // extern "C"
