#include <rpc/client.h>

namespace rpc {
namespace detail {
namespace {

// A reply with an error: the header and the status alone.
struct ErrorReply {
    mach::MessageHeader header;
    Status status;
};

bool is_error_status(int32_t value) { return value > 0 && value <= kLastError; }

} // namespace

Error check_reply(mach::MessageHeader& header, uint32_t reply_id, uint32_t body_offset, Right* got, size_t count)
{
    // In place of the reply, a notification: the kernel dropped the answer
    // because this task's account could not pay for it (no_memory, ENOMEM),
    // or the server dropped our reply right without answering (it died, or
    // gave up on us).
    if (header.id == uint32_t(mach::NotificationKind::send_once) && header.descriptor_count == 0) {
        const auto* notice = reinterpret_cast<const mach::NotificationBody*>(&header + 1);
        bool lost = header.size >= sizeof(header) + sizeof(*notice) && (notice->flags & mach::kReplyLost);
        return lost ? Error::no_memory : Error::port_dead;
    }
    if (header.id != reply_id || header.size < sizeof(ErrorReply) || header.reply != mach::kNullName) {
        release_carried(header);
        return Error::invalid_reply;
    }
    int32_t status = reinterpret_cast<ErrorReply&>(header).status.error;
    if (header.descriptor_count == 0 && status != 0) {
        if (!is_error_status(status) || header.size != sizeof(ErrorReply)) {
            release_carried(header);
            return Error::invalid_reply;
        }
        return static_cast<Error>(status);
    }
    if (header.size < body_offset || !take_rights(header, got, count)) {
        release_carried(header);
        return Error::invalid_reply;
    }
    // An answer with rights is a success: its status sits after them.
    const Status& after_rights = *reinterpret_cast<const Status*>(descriptors_of(header) + count);
    if (after_rights.error != 0) {
        release_carried(header);
        return Error::invalid_reply;
    }
    return Error::none;
}

} // namespace detail
} // namespace rpc
