#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/notification.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>

namespace ipc {
namespace {

OutOfLineMemory* g_out_of_line = nullptr;

// Most messages are small (RPC requests and replies, notifications). Their
// blocks all have one size and up to kCachedBlocks freed ones are kept for
// the next message, which saves a heap round trip per message.
// FIXME(SMP): per CPU.
constexpr uint32_t kSmallMessage = 224;
constexpr size_t kCachedBlocks = 32;

struct FreeBlock {
    FreeBlock* next;
};

FreeBlock* g_cached_blocks = nullptr;
size_t g_cached_count = 0;

Result<void*> allocate_block(uint32_t size)
{
    if (size > kSmallMessage)
        return memory::blocks().allocate(sizeof(Message) + size);
    if (FreeBlock* block = g_cached_blocks) {
        g_cached_blocks = block->next;
        g_cached_count--;
        return static_cast<void*>(block);
    }
    return memory::blocks().allocate(sizeof(Message) + kSmallMessage);
}

void free_block(void* block, uint32_t size)
{
    if (size > kSmallMessage || g_cached_count >= kCachedBlocks) {
        memory::blocks().free(block);
        return;
    }
    g_cached_blocks = new (block) FreeBlock { g_cached_blocks };
    g_cached_count++;
}

// A port descriptor in kernel form: the right's kind in `disposition`,
// its object in `reserved2`, and in `reserved` whether that object is a
// payload record.
constexpr uint16_t kHoldsRecord = 1;

mach::Disposition disposition_of(CarriedRight::Kind kind)
{
    switch (kind) {
    case CarriedRight::Kind::send: return mach::Disposition::move_send;
    case CarriedRight::Kind::send_once: return mach::Disposition::move_send_once;
    case CarriedRight::Kind::receive: return mach::Disposition::move_receive;
    case CarriedRight::Kind::dead_name: return mach::Disposition::copy_send;
    case CarriedRight::Kind::none: break;
    }
    return mach::Disposition::none;
}

CarriedRight::Kind kind_of(mach::Disposition disposition)
{
    switch (disposition) {
    case mach::Disposition::move_send: return CarriedRight::Kind::send;
    case mach::Disposition::move_send_once: return CarriedRight::Kind::send_once;
    case mach::Disposition::move_receive: return CarriedRight::Kind::receive;
    case mach::Disposition::copy_send: return CarriedRight::Kind::dead_name;
    default: return CarriedRight::Kind::none;
    }
}

} // namespace

void set_out_of_line_memory(OutOfLineMemory* memory) { g_out_of_line = memory; }

void release_cached_messages()
{
    while (FreeBlock* block = g_cached_blocks) {
        g_cached_blocks = block->next;
        memory::blocks().free(block);
    }
    g_cached_count = 0;
}
OutOfLineMemory* out_of_line_memory() { return g_out_of_line; }

Result<Message*> Message::create(uint32_t size)
{
    Message* message = TRY(create_to_fill(size));
    __builtin_memset(message->bytes(), 0, size);
    message->header().size = size;
    return message;
}

Result<Message*> Message::create_to_fill(uint32_t size)
{
    if (size < sizeof(mach::MessageHeader) || size > mach::kMaxMessageSize || size % 8)
        return Error::invalid_argument;
    void* memory = TRY(allocate_block(size));
    Message* message = new (memory) Message(size);
    memory::counters().messages++;
    memory::counters().message_bytes += size;
    return message;
}

void Message::destroy(Message* message)
{
    if (message->m_account)
        message->m_account->uncharge(sizeof(Message) + message->m_size);
    message->m_destination.release();
    message->m_reply.release();
    message->release_descriptors();
    memory::counters().messages--;
    memory::counters().message_bytes -= message->m_size;
    uint32_t size = message->m_size;
    message->~Message();
    free_block(message, size);
}

Result<void> Message::charge_to(Account& account)
{
    ASSERT(!m_account);
    TRY(account.charge(sizeof(Message) + m_size));
    m_account = &account;
    return {};
}

Result<void> Message::move_charge_to(Account& account)
{
    if (m_account == &account)
        return {};
    uint64_t cost = sizeof(Message) + m_size;
    TRY(account.charge(cost));
    if (m_account)
        m_account->uncharge(cost);
    m_account = &account;
    return {};
}

size_t Message::body_size() const
{
    return m_size - sizeof(mach::MessageHeader) - descriptor_count() * sizeof(mach::Descriptor);
}

CarriedRight Message::port_right(size_t index) const
{
    const mach::Descriptor* descriptor
        = reinterpret_cast<const mach::Descriptor*>(bytes() + sizeof(mach::MessageHeader)) + index;
    const mach::PortDescriptor& port = descriptor->port;
    CarriedRight right;
    right.kind = kind_of(port.disposition);
    if (right.kind == CarriedRight::Kind::none || right.kind == CarriedRight::Kind::dead_name)
        return right;
    if (port.reserved & kHoldsRecord) {
        right.record = reinterpret_cast<PayloadRecord*>(port.reserved2);
        right.port = &right.record->port();
    } else {
        right.port = reinterpret_cast<Port*>(port.reserved2);
    }
    return right;
}

void Message::set_port_right(size_t index, CarriedRight right)
{
    mach::PortDescriptor& port = descriptors()[index].port;
    port.type = mach::DescriptorType::port;
    port.disposition = disposition_of(right.kind);
    port.name = mach::kNullName;
    port.reserved = right.record ? kHoldsRecord : 0;
    port.reserved2 = right.record ? reinterpret_cast<uint64_t>(right.record) : reinterpret_cast<uint64_t>(right.port);
}

CarriedRight Message::take_port_right(size_t index)
{
    CarriedRight right = port_right(index);
    set_port_right(index, {});
    return right;
}

void Message::release_descriptors()
{
    for (size_t i = 0; i < descriptor_count(); i++) {
        mach::Descriptor& descriptor = descriptors()[i];
        if (descriptor.type == mach::DescriptorType::port) {
            take_port_right(i).release();
        } else if (descriptor.type == mach::DescriptorType::out_of_line && descriptor.out_of_line.size) {
            ASSERT(g_out_of_line);
            g_out_of_line->discard(descriptor.out_of_line.address, descriptor.out_of_line.size);
            descriptor.out_of_line.size = 0;
        }
    }
}

namespace {

// A reply its receiver cannot pay for: dropped; the port hears of it once.
void drop_reply(Message* message)
{
    CarriedRight right = message->destination();
    message->destination() = {};
    Message::destroy(message);
    memory::counters().replies_dropped++;
    if (right.port->reply_lost_notice_queued()) {
        right.consume();
        return;
    }
    send_reply_lost_notice(right);
}

} // namespace

Result<void> send(Message* message)
{
    ASSERT(message->destination().kind == CarriedRight::Kind::send
        || message->destination().kind == CarriedRight::Kind::send_once);
    if (message->destination().kind != CarriedRight::Kind::send_once)
        return message->destination_port().enqueue(message);
    message->set_always_accepted();
    if (!message->notification()) {
        NameSpace* receiver = message->destination_port().final_receiver();
        if (receiver && !message->move_charge_to(receiver->account()).ok()) {
            drop_reply(message);
            return {};
        }
    }
    return message->destination_port().enqueue(message);
}

} // namespace ipc
