// Error codes shared by the kernel and user space (part of the ABI).
// Values are stable: they travel in message replies.
#pragma once

enum class [[nodiscard]] Error : int {
    none = 0,
    no_memory = 1, // an allocation failed
    invalid_argument = 2, // a malformed request
    not_found = 3, // the named thing does not exist
    already_exists = 4, // the thing to create is already there
    out_of_range = 5, // an address or index lies outside what is allowed
    bad_address = 6, // a pointer the caller handed over is not usable
    not_supported = 7, // the operation is not implemented by this object
    busy = 8, // the resource is in use
    timed_out = 9, // a wait ran out of time
    invalid_name = 10, // a port name that means nothing in this task
    invalid_right = 11, // the right is of the wrong kind for this use
    permission_denied = 12, // the caller lacks the right to do this
    // IPC (mach_msg and the port calls).
    port_dead = 13, // the destination's receive right is gone (the name is a dead name now)
    queue_full = 14, // the destination's queue is at its limit and the send may not wait
    too_large = 15, // the message does not fit the receive buffer (it stays queued)
    invalid_disposition = 16, // a right's disposition does not fit the right or the field
    no_space = 17, // the task's name space or resource quota is exhausted
    interrupted = 18, // the wait was cut short (the thread or its task is being killed)
    port_set_changed = 19, // the port set received on was destroyed during the wait
    invalid_reply = 20, // a server's reply does not fit the call it answers
    not_directory = 21, // a path component (or the node asked for) is not a directory
    is_directory = 22, // the operation needs a node that is not a directory
    not_empty = 23, // the directory to remove still has entries
    name_too_long = 24, // a path or one of its components is too long
    too_many_links = 25, // symbolic links nested too deep (a loop)
    cross_device = 26, // a rename or link between two file systems
    would_block = 27, // the operation would have to wait, and the caller asked not to (non-blocking)
    broken_pipe = 28, // a write to a pipe that nobody reads any more
    no_value = 29, // a Result<T> was made from Error::none: a bug in the code that made it
};

// The highest Error value (for checking a status that came from elsewhere).
constexpr int kLastError = 29;

// A short, stable, human-readable name for an error (never null).
constexpr const char* error_name(Error e)
{
    switch (e) {
    case Error::none: return "none";
    case Error::no_memory: return "no_memory";
    case Error::invalid_argument: return "invalid_argument";
    case Error::not_found: return "not_found";
    case Error::already_exists: return "already_exists";
    case Error::out_of_range: return "out_of_range";
    case Error::bad_address: return "bad_address";
    case Error::not_supported: return "not_supported";
    case Error::busy: return "busy";
    case Error::timed_out: return "timed_out";
    case Error::invalid_name: return "invalid_name";
    case Error::invalid_right: return "invalid_right";
    case Error::permission_denied: return "permission_denied";
    case Error::port_dead: return "port_dead";
    case Error::queue_full: return "queue_full";
    case Error::too_large: return "too_large";
    case Error::invalid_disposition: return "invalid_disposition";
    case Error::no_space: return "no_space";
    case Error::interrupted: return "interrupted";
    case Error::port_set_changed: return "port_set_changed";
    case Error::invalid_reply: return "invalid_reply";
    case Error::not_directory: return "not_directory";
    case Error::is_directory: return "is_directory";
    case Error::not_empty: return "not_empty";
    case Error::name_too_long: return "name_too_long";
    case Error::too_many_links: return "too_many_links";
    case Error::cross_device: return "cross_device";
    case Error::would_block: return "would_block";
    case Error::broken_pipe: return "broken_pipe";
    case Error::no_value: return "no_value";
    }
    return "unknown";
}
