// Positioning: fseek, ftell and their variants.
#include "file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>

using namespace shim;

extern "C" {

int fseeko(FILE* stream, off_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    if (stream->write_used > 0 && flush_output(stream) != 0)
        return -1;
    // SEEK_CUR counts from the logical position, before the read-ahead.
    if (whence == SEEK_CUR)
        offset -= static_cast<off_t>(stream->read_end - stream->read_position + (stream->pushed_back >= 0 ? 1 : 0));
    stream->read_position = stream->read_end = 0;
    stream->pushed_back = -1;
    if (stream->backend->seek(stream, offset, whence) < 0)
        return -1;
    stream->at_eof = false;
    return 0;
}

int fseek(FILE* stream, long offset, int whence) { return fseeko(stream, offset, whence); }

off_t ftello(FILE* stream)
{
    off_t position = stream->backend->seek(stream, 0, SEEK_CUR);
    if (position < 0)
        return -1;
    position -= static_cast<off_t>(stream->read_end - stream->read_position + (stream->pushed_back >= 0 ? 1 : 0));
    // In append mode the data goes to the end whatever the offset says.
    if (stream->write_used > 0 && stream->append) {
        off_t end = stream->backend->seek(stream, 0, SEEK_END);
        if (end < 0)
            return -1;
        return end + static_cast<off_t>(stream->write_used);
    }
    return position + static_cast<off_t>(stream->write_used);
}

long ftell(FILE* stream) { return ftello(stream); }

void rewind(FILE* stream)
{
    fseeko(stream, 0, SEEK_SET);
    stream->has_error = false;
}

int fgetpos(FILE* stream, fpos_t* position)
{
    off_t offset = ftello(stream);
    if (offset < 0)
        return -1;
    position->__pos = offset;
    position->__state = 0;
    return 0;
}

int fsetpos(FILE* stream, const fpos_t* position) { return fseeko(stream, position->__pos, SEEK_SET); }

} // extern "C"
