// Opening, closing and configuring streams: fopen, fdopen, freopen,
// fclose, fflush, setvbuf and the trivial accessors.
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

using namespace shim;

namespace shim {

int discard_input(FILE* stream)
{
    size_t unread = stream->read_end - stream->read_position + (stream->pushed_back >= 0 ? 1 : 0);
    stream->read_position = stream->read_end = 0;
    stream->pushed_back = -1;
    if (unread == 0)
        return 0;
    // A pipe cannot seek back; its read-ahead is simply dropped.
    if (stream->backend->seek(stream, -static_cast<off_t>(unread), SEEK_CUR) < 0 && errno != ESPIPE)
        return EOF;
    return 0;
}

} // namespace shim

extern "C" {

FILE* fopen(const char* path, const char* mode)
{
    int flags;
    bool readable;
    bool writable;
    if (!parse_mode(mode, flags, readable, writable)) {
        errno = EINVAL;
        return nullptr;
    }
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return nullptr;
    FILE* stream = new_stream(fd, readable, writable, (flags & O_APPEND) != 0);
    if (stream == nullptr)
        close(fd);
    return stream;
}

FILE* fdopen(int fd, const char* mode)
{
    int flags;
    bool readable;
    bool writable;
    if (!parse_mode(mode, flags, readable, writable)) {
        errno = EINVAL;
        return nullptr;
    }
    return new_stream(fd, readable, writable, (flags & O_APPEND) != 0);
}

int fflush(FILE* stream)
{
    if (stream == nullptr)
        return flush_all_streams();
    if (stream->write_used > 0)
        return flush_output(stream);
    // An input stream: give back read-ahead so the descriptor's offset is
    // where the program thinks it is (POSIX, for seekable files).
    if (stream->readable && stream->read_end > stream->read_position)
        return discard_input(stream);
    return 0;
}

int fclose(FILE* stream)
{
    int result = fflush(stream);
    if (stream->backend->close(stream) != 0)
        result = EOF;
    release_stream(stream);
    return result;
}

// Reopens `stream` on `path` (or, with no path, changes only its mode, which
// we can honour only by keeping the descriptor).
FILE* freopen(const char* path, const char* mode, FILE* stream)
{
    int flags;
    bool readable;
    bool writable;
    if (!parse_mode(mode, flags, readable, writable)) {
        errno = EINVAL;
        fclose(stream);
        return nullptr;
    }
    fflush(stream);
    if (path != nullptr) {
        int fd = open(path, flags, 0666);
        if (fd < 0) {
            fclose(stream);
            return nullptr;
        }
        // Keep the descriptor number: freopen(..., stdout) must still be fd 1.
        if (stream->fd >= 0 && fd != stream->fd) {
            if (dup2(fd, stream->fd) < 0) {
                close(fd);
                fclose(stream);
                return nullptr;
            }
            close(fd);
        } else if (stream->fd < 0) {
            stream->fd = fd;
        }
    }
    stream->readable = readable;
    stream->writable = writable;
    stream->append = (flags & O_APPEND) != 0;
    stream->at_eof = stream->has_error = false;
    stream->read_position = stream->read_end = stream->write_used = 0;
    stream->pushed_back = -1;
    return stream;
}

int setvbuf(FILE* stream, char* buffer, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return -1;
    }
    if (flush_output(stream) != 0)
        return -1;
    if (stream->owns_buffer)
        free(stream->buffer);
    stream->owns_buffer = false;
    stream->buffer = nullptr;
    stream->capacity = 0;
    stream->read_position = stream->read_end = 0;
    stream->mode_pending = false;
    stream->buffer_mode = mode;
    if (mode != _IONBF && buffer != nullptr && size > 0) {
        stream->buffer = buffer;
        stream->capacity = size;
    } else if (mode != _IONBF && size > 0) {
        stream->buffer = static_cast<char*>(malloc(size));
        if (stream->buffer == nullptr)
            return -1;
        stream->capacity = size;
        stream->owns_buffer = true;
    }
    return 0;
}

void setbuf(FILE* stream, char* buffer) { setvbuf(stream, buffer, buffer != nullptr ? _IOFBF : _IONBF, BUFSIZ); }
void setbuffer(FILE* stream, char* buffer, size_t size)
{
    setvbuf(stream, buffer, buffer != nullptr ? _IOFBF : _IONBF, size);
}
void setlinebuf(FILE* stream) { setvbuf(stream, nullptr, _IOLBF, 0); }

int feof(FILE* stream) { return stream->at_eof ? 1 : 0; }
int ferror(FILE* stream) { return stream->has_error ? 1 : 0; }

void clearerr(FILE* stream)
{
    stream->at_eof = false;
    stream->has_error = false;
}

int fileno(FILE* stream)
{
    if (stream->fd < 0)
        errno = EBADF;
    return stream->fd;
}

// Streams are not shared between threads in Portico's libc yet.
void flockfile(FILE*) { }
void funlockfile(FILE*) { }
int ftrylockfile(FILE*) { return 0; }

} // extern "C"
