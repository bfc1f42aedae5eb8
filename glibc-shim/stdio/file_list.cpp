// The list of open streams, their creation and release, and stdin, stdout
// and stderr.
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

// The standard streams are constant-initialised: they work before (and
// after) any constructor runs. stdout decides between line and full
// buffering on first use; stderr is unbuffered.
constexpr FILE standard_stream(int fd, bool readable, int buffer_mode, FILE* next)
{
    FILE stream;
    stream.fd = fd;
    stream.readable = readable;
    stream.writable = !readable;
    stream.buffer_mode = buffer_mode;
    stream.mode_pending = fd == 1;
    stream.is_static = true;
    stream.next = next;
    return stream;
}

constinit FILE standard_error_stream = standard_stream(2, false, _IONBF, nullptr);
constinit FILE standard_output_stream = standard_stream(1, false, _IOFBF, &standard_error_stream);
constinit FILE standard_input_stream = standard_stream(0, true, _IOFBF, &standard_output_stream);

constinit FILE* stream_list = &standard_input_stream;

FILE** list_head() { return &stream_list; }

} // namespace

extern "C" {
FILE* stdin = &standard_input_stream;
FILE* stdout = &standard_output_stream;
FILE* stderr = &standard_error_stream;
}

namespace shim {

FILE* first_stream() { return *list_head(); }

bool parse_mode(const char* mode, int& open_flags, bool& readable, bool& writable)
{
    switch (mode[0]) {
    case 'r':
        open_flags = O_RDONLY;
        readable = true;
        writable = false;
        break;
    case 'w':
        open_flags = O_WRONLY | O_CREAT | O_TRUNC;
        readable = false;
        writable = true;
        break;
    case 'a':
        open_flags = O_WRONLY | O_CREAT | O_APPEND;
        readable = false;
        writable = true;
        break;
    default: return false;
    }
    for (const char* c = mode + 1; *c != 0; ++c) {
        switch (*c) {
        case '+':
            readable = writable = true;
            open_flags = (open_flags & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
            break;
        case 'x': open_flags |= O_EXCL; break;
        case 'e': open_flags |= O_CLOEXEC; break;
        default: break; // 'b' and anything else: no meaning here
        }
    }
    return true;
}

FILE* new_stream(int fd, bool readable, bool writable, bool append)
{
    void* memory = malloc(sizeof(FILE));
    if (memory == nullptr) {
        errno = ENOMEM;
        return nullptr;
    }
    FILE* stream = static_cast<FILE*>(memory);
    *stream = FILE {};
    stream->fd = fd;
    stream->readable = readable;
    stream->writable = writable;
    stream->append = append;
    stream->buffer_mode = fd >= 0 && isatty(fd) ? _IOLBF : _IOFBF;
    FILE** head = list_head();
    stream->next = *head;
    *head = stream;
    return stream;
}

void release_stream(FILE* stream)
{
    if (stream->owns_buffer)
        free(stream->buffer);
    stream->buffer = nullptr;
    stream->owns_buffer = false;
    if (stream->is_static)
        return;
    for (FILE** link = list_head(); *link != nullptr; link = &(*link)->next) {
        if (*link == stream) {
            *link = stream->next;
            break;
        }
    }
    free(stream);
}

void settle_buffer_mode(FILE* stream)
{
    if (!stream->mode_pending)
        return;
    stream->mode_pending = false;
    if (isatty(stream->fd))
        stream->buffer_mode = _IOLBF;
}

bool ensure_buffer(FILE* stream)
{
    settle_buffer_mode(stream);
    if (stream->buffer != nullptr || stream->buffer_mode == _IONBF)
        return true;
    stream->buffer = static_cast<char*>(malloc(BUFSIZ));
    if (stream->buffer == nullptr) {
        stream->buffer_mode = _IONBF; // Still usable, one write per call.
        return true;
    }
    stream->capacity = BUFSIZ;
    stream->owns_buffer = true;
    return true;
}

void flush_line_buffered_streams()
{
    for (FILE* stream = first_stream(); stream != nullptr; stream = stream->next)
        if (stream->writable && stream->buffer_mode == _IOLBF && stream->write_used > 0)
            flush_output(stream);
}

int flush_all_streams()
{
    int result = 0;
    for (FILE* stream = first_stream(); stream != nullptr; stream = stream->next)
        if (stream->writable && flush_output(stream) != 0)
            result = EOF;
    return result;
}

} // namespace shim

// Here rather than beside fflush: every program that writes to a stream
// links this file (it defines stdout), and exit() reaches this function
// only through a weak reference, which pulls nothing from the archive.
extern "C" void __libc_flush_all(void) { shim::flush_all_streams(); }
