#include <freestanding/assert.h>
#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <ipc/port_set.h>
#include <ipc/transfer.h>

namespace ipc {

using mach::Disposition;
using mach::PortName;

namespace {

constexpr size_t kMaxRightsPerMessage = 2 + mach::kMaxDescriptors;

// One right the message names: where it sits and how it is sent.
// (No default member initializers: the array of them is not cleared on every message.)
struct RightUse {
    PortName name;
    Disposition disposition;
    CarriedRight::Kind kind; // what check_uses found
    int16_t slot; // -2 destination, -1 reply, else the descriptor index
    Port* port; // the port check_uses found (no counts taken)
};

struct RightUses {
    RightUse uses[kMaxRightsPerMessage];
    size_t count = 0;

    void add(PortName name, Disposition disposition, int slot)
    {
        uses[count++] = { name, disposition, CarriedRight::Kind::none, int16_t(slot), nullptr };
    }
};

bool is_send_disposition(Disposition disposition)
{
    switch (disposition) {
    case Disposition::move_send:
    case Disposition::copy_send:
    case Disposition::make_send:
    case Disposition::make_send_once:
    case Disposition::move_send_once: return true;
    default: return false;
    }
}

bool is_move(Disposition disposition)
{
    return disposition == Disposition::move_receive || disposition == Disposition::move_send
        || disposition == Disposition::move_send_once;
}

Result<void> check_header(const mach::MessageHeader& header, uint32_t size)
{
    if (size > mach::kMaxMessageSize)
        return Error::too_large;
    if (size < sizeof(mach::MessageHeader) || size % 8 || header.size != size || header.reserved)
        return Error::invalid_argument;
    if (header.descriptor_count > mach::kMaxDescriptors
        || sizeof(mach::MessageHeader) + size_t(header.descriptor_count) * sizeof(mach::Descriptor) > size)
        return Error::invalid_argument;
    if (!is_send_disposition(header.destination_disposition))
        return Error::invalid_disposition;
    if ((header.reply == mach::kNullName) != (header.reply_disposition == Disposition::none))
        return Error::invalid_disposition;
    if (header.reply != mach::kNullName && !is_send_disposition(header.reply_disposition))
        return Error::invalid_disposition;
    return {};
}

Result<void> check_descriptor(const mach::Descriptor& descriptor)
{
    switch (descriptor.type) {
    case mach::DescriptorType::port: {
        const mach::PortDescriptor& port = descriptor.port;
        if (port.reserved || port.reserved2)
            return Error::invalid_argument;
        if ((port.name == mach::kNullName) != (port.disposition == Disposition::none))
            return Error::invalid_disposition;
        if (port.disposition > Disposition::move_send_once)
            return Error::invalid_disposition;
        return {};
    }
    case mach::DescriptorType::out_of_line: {
        const mach::OutOfLineDescriptor& region = descriptor.out_of_line;
        if (region.reserved || region.deallocate > 1)
            return Error::invalid_argument;
        if (region.size > mach::kMaxOutOfLineSize)
            return Error::too_large;
        return {};
    }
    }
    return Error::invalid_argument;
}

// The rights the message names, in order: destination, reply, descriptors.
Result<void> collect_uses(const mach::MessageHeader& header, const mach::Descriptor* descriptors, RightUses& uses)
{
    uses.add(header.destination, header.destination_disposition, -2);
    if (header.reply != mach::kNullName)
        uses.add(header.reply, header.reply_disposition, -1);
    for (int i = 0; i < header.descriptor_count; i++) {
        TRY(check_descriptor(descriptors[i]));
        if (descriptors[i].type == mach::DescriptorType::port && descriptors[i].port.name != mach::kNullName)
            uses.add(descriptors[i].port.name, descriptors[i].port.disposition, i);
    }
    return {};
}

// Checks every use against the sender's space. A name moved out (receive
// or send-once) may be used only once; move_send uses add up against the
// name's user references.
Result<void> check_uses(NameSpace& sender, RightUses& uses)
{
    for (size_t i = 0; i < uses.count; i++) {
        uint32_t moves = 0;
        uint32_t total = 0;
        bool exclusive = false;
        for (size_t j = 0; j < uses.count; j++) {
            if (uses.uses[j].name != uses.uses[i].name)
                continue;
            total++;
            if (uses.uses[j].disposition == Disposition::move_send)
                moves++;
            if (uses.uses[j].disposition == Disposition::move_receive
                || uses.uses[j].disposition == Disposition::move_send_once)
                exclusive = true;
        }
        if (exclusive && total > 1)
            return Error::invalid_disposition;
        CarriedRight preview = TRY(sender.check_right(uses.uses[i].name, uses.uses[i].disposition, moves));
        uses.uses[i].kind = preview.kind;
        uses.uses[i].port = preview.port;
    }
    return {};
}

// The destination must be alive, and no receive right may travel to a
// port from which it could never be taken out again.
Result<void> check_destination(const mach::MessageHeader& header, const RightUses& uses)
{
    const RightUse& destination = uses.uses[0];
    if (destination.kind == CarriedRight::Kind::dead_name || destination.port->dead())
        return Error::port_dead;
    if (header.reply_disposition == Disposition::move_receive)
        return Error::invalid_disposition;
    for (size_t i = 0; i < uses.count; i++) {
        if (uses.uses[i].disposition == Disposition::move_receive
            && destination.port->would_contain_itself(*uses.uses[i].port))
            return Error::invalid_right;
    }
    return {};
}

// Snapshots every out-of-line region; on failure drops those taken.
Result<void> capture_regions(Message& message, const mach::Descriptor* sent)
{
    OutOfLineMemory* memory = out_of_line_memory();
    for (size_t i = 0; i < message.descriptor_count(); i++) {
        if (sent[i].type != mach::DescriptorType::out_of_line || sent[i].out_of_line.size == 0)
            continue;
        Result<uint64_t> handle
            = memory ? memory->capture(sent[i].out_of_line.address, sent[i].out_of_line.size) : Error::not_supported;
        if (!handle.ok())
            return handle.error(); // Message::destroy drops the regions captured so far
        mach::OutOfLineDescriptor& region = message.descriptors()[i].out_of_line;
        region.address = handle.value();
        region.size = sent[i].out_of_line.size;
        region.deallocate = 0;
    }
    return {};
}

void take_rights(NameSpace& sender, Message& message, const RightUses& uses, bool moves)
{
    for (size_t i = 0; i < uses.count; i++) {
        const RightUse& use = uses.uses[i];
        if (is_move(use.disposition) != moves)
            continue;
        CarriedRight right = sender.take_right(use.name, use.disposition);
        if (use.slot == -2)
            message.destination() = right;
        else if (use.slot == -1)
            message.reply() = right;
        else
            message.set_port_right(size_t(use.slot), right);
    }
}

} // namespace

Result<Message*> copyin_message(NameSpace& sender, const void* bytes, uint32_t size)
{
    if (size < sizeof(mach::MessageHeader))
        return Error::invalid_argument;
    const mach::MessageHeader& header = *static_cast<const mach::MessageHeader*>(bytes);
    TRY(check_header(header, size));
    const mach::Descriptor* sent = reinterpret_cast<const mach::Descriptor*>(&header + 1);
    RightUses uses;
    TRY(collect_uses(header, sent, uses));
    TRY(check_uses(sender, uses));
    TRY(check_destination(header, uses));

    Message* message = TRY(Message::create_to_fill(size));
    __builtin_memcpy(message->bytes(), bytes, size);

    mach::MessageHeader& copy = message->header();
    copy.destination = copy.reply = mach::kNullName;
    copy.destination_disposition = copy.reply_disposition = Disposition::none;
    copy.payload = 0;
    // Until the rights and regions are taken, the descriptors hold nothing.
    for (size_t i = 0; i < copy.descriptor_count; i++) {
        if (sent[i].type == mach::DescriptorType::port)
            message->set_port_right(i, {});
        else
            message->descriptors()[i].out_of_line.size = 0;
    }
    // The sender pays for what it has in flight (see account.h), except
    // for a reply, which its receiver pays for once it is sent (message.h).
    const RightUse& destination = uses.uses[0];
    bool receiver_pays = destination.kind == CarriedRight::Kind::send_once && destination.port->final_receiver();
    Result<void> captured = receiver_pays ? Result<void>() : message->charge_to(sender.account());
    if (captured.ok())
        captured = capture_regions(*message, sent);
    if (!captured.ok()) {
        Message::destroy(message);
        return captured.error();
    }
    // Copies and makes first, so that a move of the same name cannot empty it before them.
    take_rights(sender, *message, uses, false);
    take_rights(sender, *message, uses, true);
    for (size_t i = 0; i < copy.descriptor_count; i++) {
        CarriedRight right = message->port_right(i);
        if (sent[i].type == mach::DescriptorType::port && right.kind == CarriedRight::Kind::receive)
            right.port->set_in_transit(message->destination().port);
        if (sent[i].type == mach::DescriptorType::out_of_line && sent[i].out_of_line.deallocate
            && sent[i].out_of_line.size)
            out_of_line_memory()->remove_from_sender(sent[i].out_of_line.address, sent[i].out_of_line.size);
    }
    return message;
}

Result<Message*> take_message(ReceiveSource source, uint32_t buffer_size)
{
    Port* port = source.port;
    if (source.set)
        port = source.set->next_ready();
    else if (!port || port->dead())
        return Error::port_dead;
    if (!port || !port->has_messages())
        return static_cast<Message*>(nullptr);
    if (port->first_message()->size() > buffer_size)
        return Error::too_large;
    Message* message = port->dequeue();
    if (source.set)
        source.set->rotate_past(*port);
    return message;
}

namespace {

uint32_t rights_needing_names(Message& message)
{
    uint32_t count = message.reply().empty() ? 0 : 1;
    for (size_t i = 0; i < message.descriptor_count(); i++) {
        if (message.descriptors()[i].type == mach::DescriptorType::port && !message.port_right(i).empty())
            count++;
    }
    return count;
}

// Puts one carried right into the receiver: its name and what arrived.
PortName place_right(NameSpace& receiver, CarriedRight right, bool have_room, Disposition& arrived, Error& status)
{
    arrived = Disposition::none;
    if (right.empty())
        return mach::kNullName;
    if (!have_room) {
        right.release();
        status = Error::no_space;
        return mach::kNullName;
    }
    switch (right.kind) {
    case CarriedRight::Kind::receive: arrived = Disposition::move_receive; break;
    case CarriedRight::Kind::send_once: arrived = Disposition::move_send_once; break;
    default: arrived = Disposition::move_send; break;
    }
    Result<PortName> name = receiver.put_right(right);
    if (!name.ok()) {
        status = name.error();
        arrived = Disposition::none;
        return mach::kNullName;
    }
    return name.value();
}

} // namespace

Result<void> copyout_message(NameSpace& receiver, Message* message, void* buffer)
{
    // The receiver's view is built in `buffer`; the message gives up each
    // right and region as it is placed, so destroying it afterwards drops
    // only what could not be delivered.
    __builtin_memcpy(buffer, message->bytes(), message->size());
    mach::MessageHeader& header = *static_cast<mach::MessageHeader*>(buffer);
    mach::Descriptor* descriptors = reinterpret_cast<mach::Descriptor*>(&header + 1);
    Error status = Error::none;
    bool have_room = receiver.reserve(rights_needing_names(*message)).ok();
    CarriedRight destination = message->destination();
    message->destination() = {};
    header.destination = receiver.name_of_receive_right(*destination.port);
    header.destination_disposition = Disposition::none;
    header.payload = destination.payload();
    destination.consume(); // the right was used
    header.reply = place_right(receiver, message->reply(), have_room, header.reply_disposition, status);
    message->reply() = {};
    for (size_t i = 0; i < header.descriptor_count; i++) {
        if (descriptors[i].type == mach::DescriptorType::port) {
            mach::PortDescriptor& port = descriptors[i].port;
            port.name = place_right(receiver, message->take_port_right(i), have_room, port.disposition, status);
            port.reserved = 0;
            port.reserved2 = 0;
            continue;
        }
        mach::OutOfLineDescriptor& region = message->descriptors()[i].out_of_line;
        if (!region.size)
            continue;
        Result<uint64_t> mapped = out_of_line_memory()->deliver(region.address, region.size);
        if (mapped.ok()) {
            descriptors[i].out_of_line.address = mapped.value();
            region.size = 0; // the receiver owns it now
        } else {
            descriptors[i].out_of_line.address = 0; // dropped with the message below
            status = Error::no_space;
        }
    }
    Message::destroy(message);
    if (status != Error::none)
        return status;
    return {};
}

DirectRoute plan_direct(NameSpace& sender, const void* bytes, uint32_t size)
{
    if (size < sizeof(mach::MessageHeader) || size > kMaxDirectSize || size % 8)
        return {};
    const mach::MessageHeader& header = *static_cast<const mach::MessageHeader*>(bytes);
    if (header.size != size || header.reserved || header.descriptor_count)
        return {};
    Disposition disposition = header.destination_disposition;
    if (disposition != Disposition::copy_send && disposition != Disposition::move_send_once)
        return {};
    DirectRoute route;
    if (header.reply != mach::kNullName) {
        if (header.reply_disposition != Disposition::make_send_once || header.reply == header.destination)
            return {};
        route.reply = sender.receive_port(header.reply);
        if (!route.reply)
            return {};
    } else if (header.reply_disposition != Disposition::none) {
        return {};
    }
    Port* port = sender.direct_destination(header.destination, disposition, route.payload);
    if (!port || port->kernel_object_type() != KernelObject::none || port->has_messages())
        return {};
    route.destination = port;
    return route;
}

Result<void> transfer_direct(NameSpace& sender, const DirectRoute& route, const void* bytes, uint32_t size,
    NameSpace& receiver, PortName destination_name, void* out)
{
    if (route.reply)
        TRY(receiver.reserve(1));
    const mach::MessageHeader& sent = *static_cast<const mach::MessageHeader*>(bytes);
    Disposition used = sent.destination_disposition;
    PortName used_name = sent.destination;
    __builtin_memcpy(out, bytes, size);
    mach::MessageHeader& header = *static_cast<mach::MessageHeader*>(out);
    header.destination
        = destination_name != mach::kNullName ? destination_name : receiver.name_of_receive_right(*route.destination);
    header.destination_disposition = Disposition::none;
    header.payload = route.payload;
    if (route.reply) {
        route.reply->make_send_once_right();
        header.reply = receiver.put_send_once(*route.reply);
        header.reply_disposition = Disposition::move_send_once;
    }
    // A copied send right would be used up at once: it was only looked at.
    if (used == Disposition::move_send_once)
        sender.use_send_once(used_name);
    return {};
}

} // namespace ipc
