// Typed RPC: how an operation's messages look on the wire.
//
// An operation is a struct, one per call of an interface:
//
//   struct Read : rpc::Operation<kId, 0, 0> {   // id, rights in a request, rights in a reply
//       struct alignas(8) Request { ... };      // plain data
//       struct alignas(8) Reply { ... };        // (rpc::Empty: nothing to say)
//   };
//
// Ids below 0x1000 are the kernel's (notifications).
//
// A request travels as the header, one port descriptor per right, then the
// Request. A reply (id kId | kReplyBit) travels as the header, its rights'
// descriptors, a status, then the Reply; an error reply is the header and
// the status alone. A body may end in variable data: it then says how many
// of its bytes travel (`uint32_t wire_size() const`) and whether what
// arrived makes sense (`bool valid() const`); see Bytes and Text.
#pragma once

#include <mach/message.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace rpc {

constexpr uint32_t kReplyBit = 1u << 31;

// The base of an operation: its request's id, and how many port rights its
// request and its successful reply carry.
template <uint32_t Id, uint32_t RequestRights = 0, uint32_t ReplyRights = 0> struct Operation {
    static_assert(Id >= 0x1000 && !(Id & kReplyBit), "ids below 0x1000 are the kernel's");
    static constexpr uint32_t kId = Id;
    static constexpr uint32_t kRequestRights = RequestRights;
    static constexpr uint32_t kReplyRights = ReplyRights;
};

// A body with nothing to say.
struct alignas(8) Empty {
    uint64_t unused;
};

// One right a message carries: on send, the sender's name and how it goes;
// on receipt, the receiver's name and what arrived (move_send,
// move_send_once or move_receive).
struct Right {
    mach::PortName name = mach::kNullName;
    mach::Disposition disposition = mach::Disposition::none;
};

template <size_t N> struct Rights {
    Right at[N == 0 ? 1 : N];
    Right& operator[](size_t i) { return at[i]; }
    const Right& operator[](size_t i) const { return at[i]; }
};

// The port descriptors of a message with N rights.
template <size_t N> struct Descriptors {
    mach::Descriptor at[N];
};
template <> struct Descriptors<0> {
};

struct Status {
    int32_t error; // an Error
    uint32_t reserved;
};

template <typename Op> struct RequestMessage {
    mach::MessageHeader header;
    [[no_unique_address]] Descriptors<Op::kRequestRights> rights;
    typename Op::Request body;
};

template <typename Op> struct ReplyMessage {
    mach::MessageHeader header;
    [[no_unique_address]] Descriptors<Op::kReplyRights> rights;
    Status status;
    typename Op::Reply body;
};

constexpr uint32_t round_up8(uint32_t size) { return (size + 7) & ~7u; }

// The bytes of `body` that travel (all of it unless it says otherwise).
template <typename Body> uint32_t body_size(const Body& body)
{
    static_assert(sizeof(Body) % 8 == 0, "an RPC body's size is a multiple of 8: declare it alignas(8)");
    if constexpr (requires { body.wire_size(); })
        return round_up8(body.wire_size());
    else
        return sizeof(Body);
}

// Whether a body that arrived as `received` bytes is well formed.
template <typename Body> bool body_arrived_whole(const Body& body, uint32_t received)
{
    if (received > sizeof(Body) || body_size(body) != received)
        return false;
    if constexpr (requires { body.valid(); })
        return body.valid();
    else
        return true;
}

// Variable-length bytes at the end of a body: `length` of `bytes` are used.
template <uint32_t N> struct alignas(8) Bytes {
    uint32_t length;
    uint32_t reserved;
    uint8_t bytes[N];

    static constexpr uint32_t capacity = N;
    // The size of a body that ends with these bytes, from the body's start.
    uint32_t end_within(const void* body) const
    {
        return uint32_t(reinterpret_cast<const uint8_t*>(bytes) - static_cast<const uint8_t*>(body)) + length;
    }
    bool valid() const { return length <= N; }
};

// A string in a body: NUL-terminated within N bytes.
template <uint32_t N> struct Text {
    char chars[N];

    bool valid() const
    {
        for (uint32_t i = 0; i < N; i++) {
            if (chars[i] == '\0')
                return true;
        }
        return false;
    }
    // Copies `text` in; false if it does not fit.
    bool set(const char* text)
    {
        for (uint32_t i = 0; i < N; i++) {
            chars[i] = text[i];
            if (text[i] == '\0')
                return true;
        }
        chars[N - 1] = '\0';
        return false;
    }
    const char* c_str() const { return chars; }
};

} // namespace rpc
