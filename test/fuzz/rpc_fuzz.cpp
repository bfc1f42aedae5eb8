// Fuzz target for the typed RPC server side (lib/rpc/server.h): a client
// task of the host kernel sends one message built from the input — a real
// operation's id or another, rights of every kind and disposition, body
// bytes of any length — to a server task, which decodes and dispatches it
// with rpc::Interface<...>::dispatch as every server does, and answers.
// Checked: a handler only ever sees a request that arrived whole (its rights
// count, received dispositions, a valid variable-length body), and that
// body encodes back, as a client would send it, to the very bytes that
// arrived (decode-then-encode); the reply has the request's id; after each
// input both tasks hold exactly the names they held before (every right
// carried was consumed or released on every path).
#include "fuzz_target.h"

#include <interfaces/auth.h>
#include <interfaces/fs.h>
#include <interfaces/io.h>
#include <interfaces/proc.h>
#include <rpc/rights.h>
#include <rpc/server.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include <cstring>

using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

// Real operations with every shape: no body, fixed bodies, Text and Bytes
// at the end, request rights, reply rights.
using Served = rpc::Interface<auth::GetIds, auth::MakeHandle, fs::Lookup, fs::Rename, io::Write, io::Read,
    io::Reauthenticate, proc::Reexec, proc::Kill>;
constexpr uint32_t kIds[] = { auth::GetIds::kId, auth::MakeHandle::kId, fs::Lookup::kId, fs::Rename::kId,
    io::Write::kId, io::Read::kId, io::Reauthenticate::kId, proc::Reexec::kId, proc::Kill::kId };

class Input {
public:
    Input(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    uint8_t byte() { return m_offset < m_size ? m_data[m_offset++] : 0; }
    uint32_t word()
    {
        return uint32_t(byte()) | uint32_t(byte()) << 8 | uint32_t(byte()) << 16 | uint32_t(byte()) << 24;
    }
    // The rest of the input.
    const uint8_t* rest(size_t& size)
    {
        size = m_size - m_offset;
        return m_data + m_offset;
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_offset = 0;
};

struct World {
    HostKernel kernel;
    HostTask& client = kernel.create_task();
    HostTask& server = kernel.create_task();
    PortName service = mach::kNullName; // the server's receive right
    PortName service_send = mach::kNullName; // the client's send right to it
    PortName client_reply = mach::kNullName; // the client's receive right for answers
    PortName client_port = mach::kNullName; // another receive right of the client's
    PortName scratch = mach::kNullName; // a receive right of the client's for one input (it may be moved)
    PortName server_port = mach::kNullName; // a receive right of the server's, for rights in replies
};
World* g_world = nullptr;

bool received_disposition(Disposition d)
{
    return d == Disposition::move_send || d == Disposition::move_send_once || d == Disposition::move_receive;
}

struct Handler {
    Input& in;
    int served = 0;

    template <typename Op> Error serve(Op, const rpc::Incoming<Op>& request, rpc::Outgoing<Op>& reply)
    {
        served++;
        if (request.message->id != Op::kId)
            fuzz::fail("operation %u served for id %u", Op::kId, request.message->id);
        for (uint32_t i = 0; i < Op::kRequestRights; i++) {
            const rpc::Right& right = request.rights[i];
            if (right.name != mach::kNullName && !received_disposition(right.disposition))
                fuzz::fail("a right arrived as disposition %u", unsigned(right.disposition));
        }
        check_round_trip<Op>(request);
        for (uint32_t i = 0; i < Op::kRequestRights; i++) {
            if (request.rights[i].name != mach::kNullName)
                rpc::release(request.rights[i]);
        }
        if (in.byte() & 1)
            return Error(1 + in.byte() % kLastError); // refused: the status alone goes back
        for (uint32_t i = 0; i < Op::kReplyRights; i++)
            reply.rights[i] = { g_world->server_port, Disposition::make_send };
        return Error::none;
    }

    // What arrived encodes back, as a client sends it, to the same bytes.
    template <typename Op> void check_round_trip(const rpc::Incoming<Op>& request)
    {
        const auto& arrived = reinterpret_cast<const rpc::RequestMessage<Op>&>(*request.message);
        uint32_t offset = rpc::detail::offset_of_body(arrived);
        uint32_t received = request.message->size - offset;
        static rpc::RequestMessage<Op> encoded; // static: some bodies are large
        std::memset(static_cast<void*>(&encoded), 0, sizeof(encoded)); // padding too: bytes are compared
        encoded.body = request.body;
        uint32_t size = rpc::body_size(encoded.body);
        if (size != received || !rpc::body_arrived_whole(encoded.body, size))
            fuzz::fail("id %u: a %u-byte body encodes to %u bytes", Op::kId, received, size);
        if (std::memcmp(&encoded.body, &arrived.body, size) != 0)
            fuzz::fail("id %u: the body does not encode back to what arrived", Op::kId);
    }
};

// A right for a request descriptor, chosen by the input: the client's own
// ports by every disposition (good and bad), its send right to the
// service, or a name that means nothing.
void pick_right(Input& in, mach::Descriptor& d)
{
    d.port.type = mach::DescriptorType::port;
    const PortName names[] = { g_world->scratch, g_world->client_port, g_world->client_reply, g_world->service_send,
        mach::kNullName, PortName(in.word()) };
    d.port.name = names[in.byte() % 6];
    uint8_t disposition = in.byte();
    d.port.disposition = Disposition(disposition < 240 ? disposition % 7 : disposition);
    // The rights the client keeps from input to input are never moved away.
    bool kept = d.port.name == g_world->client_port || d.port.name == g_world->client_reply
        || d.port.name == g_world->service_send;
    if (kept && (d.port.disposition == Disposition::move_receive || d.port.disposition == Disposition::move_send))
        d.port.disposition = Disposition::copy_send;
}

// The client's message: header, descriptors, body (the rest of the input).
uint32_t build_request(Input& in, uint8_t* buffer, uint32_t capacity)
{
    auto& header = *reinterpret_cast<mach::MessageHeader*>(buffer);
    header = {};
    header.destination = g_world->service_send;
    header.destination_disposition = Disposition::copy_send;
    uint8_t choice = in.byte();
    header.id = choice < 200 ? kIds[choice % (sizeof(kIds) / sizeof(kIds[0]))] : in.word();
    switch (in.byte() % 4) {
    case 0: break; // one-way
    case 1:
        header.reply = g_world->client_port;
        header.reply_disposition = Disposition::make_send;
        break;
    default:
        header.reply = g_world->client_reply;
        header.reply_disposition = Disposition::make_send_once;
        break;
    }
    uint32_t rights = in.byte() % 4;
    header.descriptor_count = uint16_t(rights);
    mach::Descriptor* descriptors = rpc::descriptors_of(header);
    for (uint32_t i = 0; i < rights; i++) {
        descriptors[i] = {};
        pick_right(in, descriptors[i]);
    }
    size_t body_size = 0;
    const uint8_t* body = in.rest(body_size);
    uint32_t offset = uint32_t(sizeof(header) + rights * sizeof(mach::Descriptor));
    if (body_size > capacity - offset)
        body_size = capacity - offset;
    body_size &= ~size_t(7);
    if (body_size)
        std::memcpy(buffer + offset, body, body_size);
    header.size = offset + uint32_t(body_size);
    return header.size;
}

// Takes every message queued on `port` of the current task, releasing what it carried.
int drain(PortName port, uint8_t* buffer, uint32_t capacity, uint32_t expected_id)
{
    int count = 0;
    auto& header = *reinterpret_cast<mach::MessageHeader*>(buffer);
    while (mach::msg(&header, mach::kReceive | mach::kReceiveTimeout, 0, capacity, port, 0) == Error::none) {
        if (expected_id && header.id != expected_id && header.id >= 0x1000)
            fuzz::fail("a reply with id %u to a request with id %u", header.id, expected_id);
        rpc::release_carried(header);
        count++;
    }
    return count;
}

void start()
{
    g_world = new World();
    World& w = *g_world;
    {
        ActAs as(w.server);
        (void)mach::port_allocate(w.server.task_name(), mach::RightType::receive, &w.service);
        (void)mach::port_allocate(w.server.task_name(), mach::RightType::receive, &w.server_port);
    }
    w.service_send = w.kernel.give_send_right(w.server, w.service, w.client);
    ActAs as(w.client);
    (void)mach::port_allocate(w.client.task_name(), mach::RightType::receive, &w.client_reply);
    (void)mach::port_allocate(w.client.task_name(), mach::RightType::receive, &w.client_port);
}

void run(const uint8_t* data, size_t size)
{
    World& w = *g_world;
    static rpc::ReplyBuffer request_buffer; // a whole message each: too big for the stack
    static rpc::ReplyBuffer reply;
    uint32_t client_names = w.kernel.name_count(w.client);
    uint32_t server_names = w.kernel.name_count(w.server);
    Input in(data, size);
    uint32_t id = 0;
    {
        ActAs as(w.client);
        (void)mach::port_allocate(w.client.task_name(), mach::RightType::receive, &w.scratch);
        uint32_t length = build_request(in, request_buffer.bytes, sizeof(request_buffer.bytes));
        id = reinterpret_cast<mach::MessageHeader*>(request_buffer.bytes)->id;
        (void)mach::msg(reinterpret_cast<mach::MessageHeader*>(request_buffer.bytes), mach::kSend | mach::kSendTimeout,
            length, 0, mach::kNullName, 0);
    }
    {
        ActAs as(w.server);
        auto& request = request_buffer.header();
        if (mach::msg(&request, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(request_buffer.bytes), w.service, 0)
            == Error::none) {
            Handler handler { in };
            reply.size = 0;
            if (!Served::dispatch(handler, request, reply))
                rpc::refuse(request, Error::not_supported, reply);
            if (handler.served > 1)
                fuzz::fail("one request served %d times", handler.served);
            if (reply.size)
                rpc::detail::send_reply(reply.header(), reply.size);
        }
        drain(w.server_port, request_buffer.bytes, sizeof(request_buffer.bytes), 0);
    }
    {
        ActAs as(w.client);
        drain(w.client_reply, reply.bytes, sizeof(reply.bytes), id | rpc::kReplyBit);
        drain(w.client_port, reply.bytes, sizeof(reply.bytes), 0);
        (void)mach::port_destroy(w.client.task_name(), w.scratch); // if it was not moved
    }
    if (w.kernel.name_count(w.client) != client_names || w.kernel.name_count(w.server) != server_names)
        fuzz::fail("names: client %u -> %u, server %u -> %u", client_names, w.kernel.name_count(w.client), server_names,
            w.kernel.name_count(w.server));
}

void finish()
{
    delete g_world; // the host kernel checks that nothing is left
    g_world = nullptr;
}

const fuzz::Target kTarget { "rpc", 2048, start, run, finish };

} // namespace

PORTICO_FUZZ_TARGET(kTarget)
