// The FILE object behind stdio.h: a buffer over a backend (a descriptor by
// default; memory streams bring their own). Internal to the libc.
#pragma once

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

namespace shim {

// Where a stream's bytes go. The descriptor backend calls read/write/
// lseek/close; fmemopen and open_memstream supply their own.
struct StreamBackend {
    ssize_t (*read)(FILE* stream, char* buffer, size_t size);
    ssize_t (*write)(FILE* stream, const char* buffer, size_t size);
    off_t (*seek)(FILE* stream, off_t offset, int whence); // -1 and errno on failure
    int (*close)(FILE* stream);
};

extern const StreamBackend k_descriptor_backend;

} // namespace shim

struct _IO_FILE {
    int fd = -1;
    bool readable = false;
    bool writable = false;
    bool append = false;
    bool at_eof = false;
    bool has_error = false;
    bool owns_buffer = false;
    // Not yet decided: a terminal stdout becomes line buffered on first use.
    bool mode_pending = false;
    int buffer_mode = 0; // _IOFBF, _IOLBF or _IONBF
    char* buffer = nullptr;
    size_t capacity = 0;
    // Reading: buffer[read_position, read_end) is data not yet consumed.
    size_t read_position = 0;
    size_t read_end = 0;
    // Writing: buffer[0, write_used) waits to be written.
    size_t write_used = 0;
    // One byte pushed back by ungetc when the buffer has no room before
    // read_position; -1 when empty.
    int pushed_back = -1;
    const shim::StreamBackend* backend = &shim::k_descriptor_backend;
    void* backend_state = nullptr; // memory streams: their state
    pid_t child = -1; // popen's process
    FILE* next = nullptr; // every open stream, for fflush(NULL)
    bool is_static = false; // stdin/stdout/stderr: never freed
};

namespace shim {

// Parses an fopen mode ("r", "w+", "ab", "re", "wx"...) into open flags and
// the stream's direction; false for an invalid mode.
bool parse_mode(const char* mode, int& open_flags, bool& readable, bool& writable);
// Allocates a stream (with malloc) and links it into the list; nullptr and
// ENOMEM on failure.
FILE* new_stream(int fd, bool readable, bool writable, bool append);
// Unlinks and frees a stream that is no longer used.
void release_stream(FILE* stream);
// Writes the pending output; 0, or EOF with the error flag set.
int flush_output(FILE* stream);
// Makes sure the stream has a buffer (unless unbuffered); false on ENOMEM.
bool ensure_buffer(FILE* stream);
// Drops read-ahead, moving the descriptor back to the logical position;
// before a seek or a switch from reading to writing. 0 or EOF.
int discard_input(FILE* stream);
// Before reading from the terminal: flush line-buffered output (stdout) so
// a prompt shows up.
void flush_line_buffered_streams();
// Decides stdout's buffering on first use.
void settle_buffer_mode(FILE* stream);
// Writes bytes through the buffer; returns how many were accepted.
size_t put_bytes(FILE* stream, const char* data, size_t size);
// The next byte of input, or EOF.
int get_byte(FILE* stream);
// fflush(NULL): writes every stream's pending output; 0 or EOF.
int flush_all_streams();
// The list of open streams.
FILE* first_stream();

} // namespace shim
