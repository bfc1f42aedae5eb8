// The term interface: a terminal's line discipline, sent to a terminal's
// open file (its peropen) beside io's Read and Write. The term server
// that serves it over the console comes with the C library (the next
// step: glibc-shim's termios, tcsetpgrp and TIOCGWINSZ are made of these);
// this header is the contract both sides build on.
#pragma once

#include <rpc/wire.h>
#include <stdint.h>

namespace term {

constexpr uint32_t kBase = 26000;
constexpr uint32_t kControlCharacters = 32;

// A terminal's modes, with POSIX termios's fields and bit values (the C
// library passes them through).
struct alignas(8) Attributes {
    uint32_t input_modes; // c_iflag
    uint32_t output_modes; // c_oflag
    uint32_t control_modes; // c_cflag
    uint32_t local_modes; // c_lflag: ICANON, ECHO, ISIG, ...
    uint8_t control_characters[kControlCharacters]; // c_cc: VINTR, VERASE, VEOF, VMIN, VTIME, ...
    uint32_t input_speed;
    uint32_t output_speed;
};

// When SetAttributes takes effect (tcsetattr's actions).
enum class When : uint32_t { now = 0, after_output = 1, after_output_flush_input = 2 };

struct GetAttributes : rpc::Operation<kBase + 1> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        Attributes attributes;
    };
};

struct SetAttributes : rpc::Operation<kBase + 2> {
    struct alignas(8) Request {
        Attributes attributes;
        When when;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

struct WindowSize {
    uint16_t rows, columns, x_pixels, y_pixels;
};

struct GetWindowSize : rpc::Operation<kBase + 3> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        WindowSize size;
    };
};

struct SetWindowSize : rpc::Operation<kBase + 4> {
    struct alignas(8) Request {
        WindowSize size;
    };
    using Reply = rpc::Empty;
};

// The terminal's foreground process group (tcgetpgrp/tcsetpgrp): the one
// its ^C (SIGINT) goes to, and the only one that may read it.
struct GetForegroundGroup : rpc::Operation<kBase + 5> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        int32_t group;
        uint32_t reserved;
    };
};

struct SetForegroundGroup : rpc::Operation<kBase + 6> {
    struct alignas(8) Request {
        int32_t group;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

// Discards input not yet read, output not yet written, or both (tcflush).
struct Flush : rpc::Operation<kBase + 7> {
    struct alignas(8) Request {
        uint32_t input;
        uint32_t output;
    };
    using Reply = rpc::Empty;
};

// startup's grant to the console's server: queued on term's bootstrap port
// right after its start message, with one right, the device port (term
// drives the serial port itself). No body.
constexpr uint32_t kDeviceGrantId = kBase + 50;

} // namespace term
