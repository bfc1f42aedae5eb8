// The rights (and out-of-line memory) messages carry, on both sides of a call.
#pragma once

#include <mach/error.h>
#include <mach/message.h>
#include <rpc/wire.h>

namespace rpc {

// Writes one port descriptor per right (a null right: an empty descriptor).
void put_rights(mach::Descriptor* descriptors, const Right* rights, size_t count);

// Reads the rights of a received message whose descriptors must be exactly
// `count` port descriptors; false (nothing read) if they are not.
bool take_rights(const mach::MessageHeader& header, Right* rights, size_t count);

// Gives up one received right (a send or send-once right loses one
// reference, a receive right is destroyed).
void release(const Right& right);

// Gives up everything a received message carried: its reply right, its
// rights and its out-of-line memory. For a message that is refused.
void release_carried(mach::MessageHeader& header);

// The descriptors that follow a message's header.
inline mach::Descriptor* descriptors_of(mach::MessageHeader& header)
{
    return reinterpret_cast<mach::Descriptor*>(&header + 1);
}
inline const mach::Descriptor* descriptors_of(const mach::MessageHeader& header)
{
    return reinterpret_cast<const mach::Descriptor*>(&header + 1);
}

} // namespace rpc
