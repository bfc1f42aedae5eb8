// The default stream backend: the POSIX calls on the stream's descriptor.
#include "file.h"

#include <stdio.h>
#include <unistd.h>

namespace shim {

namespace {

ssize_t descriptor_read(FILE* stream, char* buffer, size_t size) { return read(stream->fd, buffer, size); }

ssize_t descriptor_write(FILE* stream, const char* buffer, size_t size) { return write(stream->fd, buffer, size); }

off_t descriptor_seek(FILE* stream, off_t offset, int whence) { return lseek(stream->fd, offset, whence); }

int descriptor_close(FILE* stream) { return close(stream->fd); }

} // namespace

const StreamBackend k_descriptor_backend { descriptor_read, descriptor_write, descriptor_seek, descriptor_close };

} // namespace shim
