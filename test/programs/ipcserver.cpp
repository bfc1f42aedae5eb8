// An IPC test server. It receives on its bootstrap port (the first boot
// task gets that receive right) and two more ports, all in one port set
// served by this one thread; it answers ipc_protocol.h requests and logs
// the payloads whose last send right died.
//   ipcserver          serve until a kQuit request
#include "ipc_protocol.h"
#include <exec/init_ports.h>

using namespace ipc_test;

namespace {

mach::SelfPorts g_self;
PortName g_members[3];

int member_index(PortName arrived_on)
{
    for (int i = 0; i < 3; i++) {
        if (g_members[i] == arrived_on)
            return i;
    }
    return -1;
}

// Builds the reply to `request` in place; false: no reply is sent.
bool answer(Message& m, uint32_t& size)
{
    uint64_t value = *value_slot(m);
    uint32_t id = m.header.id;
    uint64_t payload = m.header.payload;
    int member = member_index(m.header.destination);
    PortName reply = m.header.reply;
    m = request(reply, id + kReplyOffset, 0, mach::kNullName);
    m.header.destination_disposition = Disposition::move_send_once;
    size = kPlainSize;
    switch (id) {
    case kPing: *value_slot(m) = value + 1; return true;
    case kGetPort:
    case kOpen: {
        PortName right = g_members[value == 2 ? 2 : 1];
        Disposition disposition = Disposition::make_send;
        if (id == kOpen) {
            if (mach::port_make_send_with_payload(g_self.task, g_members[0], value, &right) != Error::none)
                return true;
            disposition = Disposition::move_send;
        }
        m.header.descriptor_count = 1;
        m.port.port.type = mach::DescriptorType::port;
        m.port.port.name = right;
        m.port.port.disposition = disposition;
        size = kWithPortSize;
        return true;
    }
    case kWhoAmI: *value_slot(m) = payload << 8 | uint64_t(member); return true;
    case kDieNow: mach::Line() << "dying without a reply"; mach::task_exit(3);
    default: return true;
    }
}

} // namespace

int main(int, char**, char**)
{
    if (mach::self_ports(&g_self) != Error::none || !g_self.bootstrap) {
        mach::Line() << "FAIL no bootstrap port";
        return 1;
    }
    exec::InitPorts start = exec::receive_init_ports(); // the start message comes first: none to keep
    exec::release(start);
    PortName set = 0;
    g_members[0] = g_self.bootstrap;
    (void)mach::port_allocate(g_self.task, mach::RightType::port_set, &set);
    for (int i = 1; i < 3; i++)
        (void)mach::port_allocate(g_self.task, mach::RightType::receive, &g_members[i]);
    for (int i = 0; i < 3; i++)
        (void)mach::port_move_member(g_self.task, g_members[i], set);
    PortName previous = 0;
    Error requested = mach::port_request_notification(g_self.task, g_members[0],
        mach::NotificationKind::payload_no_senders, g_members[0], Disposition::make_send, &previous);
    mach::Line() << "serving (payload notifications: " << name_of(requested) << ")";
    Message m {};
    uint32_t send_size = 0;
    bool quit = false;
    while (!quit) {
        uint32_t options = send_size ? mach::kSend | mach::kReceive : mach::kReceive;
        Error status = mach::msg(&m.header, options, send_size, sizeof(m), set);
        send_size = 0;
        if (status != Error::none) {
            mach::Line() << "receive failed: " << name_of(status);
            continue;
        }
        if (m.header.id == uint32_t(mach::NotificationKind::payload_no_senders)) {
            auto* body = reinterpret_cast<mach::NotificationBody*>(value_slot(m));
            mach::Line() << "payload " << body->payload << " released";
            continue;
        }
        quit = m.header.id == kQuit;
        if (!m.header.reply) {
            mach::Line() << "request " << uint64_t(m.header.id) << " without a reply right";
            continue;
        }
        uint32_t size = 0;
        if (answer(m, size)) {
            m.header.size = size;
            send_size = size;
        }
    }
    (void)mach::msg(&m.header, mach::kSend, send_size, 0, 0);
    mach::Line() << "quit";
    return 0;
}
