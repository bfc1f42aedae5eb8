// Streams over memory: fmemopen (a caller's buffer of fixed size) and
// open_memstream (a growing allocation published through the caller's
// pointers at each flush).
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

struct MemoryState {
    char* data;
    size_t capacity; // fmemopen: the buffer's size; memstream: allocated
    size_t length; // bytes of content
    size_t position;
    bool growing; // open_memstream
    bool owns_data; // fmemopen(NULL, ...)
    char** published_data;
    size_t* published_size;
};

MemoryState* state_of(FILE* stream) { return static_cast<MemoryState*>(stream->backend_state); }

ssize_t memory_read(FILE* stream, char* buffer, size_t size)
{
    MemoryState* state = state_of(stream);
    size_t available = state->position < state->length ? state->length - state->position : 0;
    size_t piece = size < available ? size : available;
    memcpy(buffer, state->data + state->position, piece);
    state->position += piece;
    return static_cast<ssize_t>(piece);
}

void publish(MemoryState* state)
{
    if (state->published_data != nullptr) {
        *state->published_data = state->data;
        *state->published_size = state->length;
    }
}

// Grows an open_memstream buffer to hold `needed` bytes and a '\0'.
bool make_room(MemoryState* state, size_t needed)
{
    if (needed + 1 <= state->capacity)
        return true;
    size_t capacity = state->capacity < 64 ? 64 : state->capacity;
    while (capacity < needed + 1)
        capacity *= 2;
    char* grown = static_cast<char*>(realloc(state->data, capacity));
    if (grown == nullptr) {
        errno = ENOMEM;
        return false;
    }
    memset(grown + state->capacity, 0, capacity - state->capacity);
    state->data = grown;
    state->capacity = capacity;
    return true;
}

ssize_t memory_write(FILE* stream, const char* buffer, size_t size)
{
    MemoryState* state = state_of(stream);
    if (stream->append)
        state->position = state->length;
    if (state->growing) {
        if (!make_room(state, state->position + size))
            return -1;
    } else {
        size_t room = state->capacity > state->position ? state->capacity - state->position : 0;
        if (room == 0) {
            errno = ENOSPC;
            return -1;
        }
        size = size < room ? size : room;
    }
    memcpy(state->data + state->position, buffer, size);
    state->position += size;
    if (state->position > state->length)
        state->length = state->position;
    if (state->length < state->capacity)
        state->data[state->length] = 0;
    publish(state);
    return static_cast<ssize_t>(size);
}

off_t memory_seek(FILE* stream, off_t offset, int whence)
{
    MemoryState* state = state_of(stream);
    off_t base = whence == SEEK_SET ? 0
        : whence == SEEK_CUR        ? static_cast<off_t>(state->position)
                                    : static_cast<off_t>(state->length);
    off_t target = base + offset;
    off_t limit = state->growing ? static_cast<off_t>(1) << 40 : static_cast<off_t>(state->capacity);
    if (target < 0 || target > limit) {
        errno = EINVAL;
        return -1;
    }
    state->position = static_cast<size_t>(target);
    return target;
}

int memory_close(FILE* stream)
{
    MemoryState* state = state_of(stream);
    publish(state);
    if (state->owns_data)
        free(state->data);
    free(state);
    return 0;
}

const shim::StreamBackend k_memory_backend { memory_read, memory_write, memory_seek, memory_close };

FILE* open_over(MemoryState* state, bool readable, bool writable, bool append)
{
    FILE* stream = shim::new_stream(-1, readable, writable, append);
    if (stream == nullptr) {
        if (state->owns_data)
            free(state->data);
        free(state);
        return nullptr;
    }
    stream->backend = &k_memory_backend;
    stream->backend_state = state;
    return stream;
}

MemoryState* new_state()
{
    auto* state = static_cast<MemoryState*>(calloc(1, sizeof(MemoryState)));
    if (state == nullptr)
        errno = ENOMEM;
    return state;
}

} // namespace

extern "C" {

FILE* fmemopen(void* buffer, size_t size, const char* mode)
{
    int flags;
    bool readable;
    bool writable;
    if (size == 0 || !shim::parse_mode(mode, flags, readable, writable)) {
        errno = EINVAL;
        return nullptr;
    }
    MemoryState* state = new_state();
    if (state == nullptr)
        return nullptr;
    state->capacity = size;
    state->data = static_cast<char*>(buffer);
    if (buffer == nullptr) {
        state->data = static_cast<char*>(calloc(1, size));
        state->owns_data = true;
        if (state->data == nullptr) {
            free(state);
            errno = ENOMEM;
            return nullptr;
        }
    }
    switch (mode[0]) {
    case 'r': state->length = size; break;
    case 'w':
        state->length = 0;
        state->data[0] = 0;
        break;
    default:
        state->length = strnlen(state->data, size);
        state->position = state->length;
        break;
    }
    return open_over(state, readable, writable, mode[0] == 'a');
}

FILE* open_memstream(char** data, size_t* size)
{
    if (data == nullptr || size == nullptr) {
        errno = EINVAL;
        return nullptr;
    }
    MemoryState* state = new_state();
    if (state == nullptr)
        return nullptr;
    state->growing = true;
    state->published_data = data;
    state->published_size = size;
    if (!make_room(state, 0)) {
        free(state);
        return nullptr;
    }
    publish(state);
    return open_over(state, false, true, false);
}

} // extern "C"
