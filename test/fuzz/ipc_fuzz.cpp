// Fuzz target for the IPC core: the input is a program of port calls,
// sends and receives over three name spaces. After every step the name
// counts must add up and no name table may outgrow its space's name limit;
// at the end, destroying the spaces must bring every object count back to
// zero. Any leak, crash or sanitizer report is a bug.
//
// Each space starts with a small name limit (as a task may set one), so
// one input builds at most a few small tables: the fuzzer stays fast and
// its memory bounded, while names chosen at random still reach past the
// limit and check that the kernel refuses them.
#include "fuzz_target.h"

#include <support/ipc_world.h>

#include <vector>

using mach::Disposition;
using mach::PortName;
using mach::RightType;

namespace {

constexpr int kSpaces = 3;
constexpr uint32_t kFirstNameLimit = 256;

class Input {
public:
    Input(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    bool empty() const { return m_offset >= m_size; }
    uint8_t byte() { return m_offset < m_size ? m_data[m_offset++] : 0; }
    uint32_t word()
    {
        uint32_t value = 0;
        for (int i = 0; i < 4; i++)
            value = (value << 8) | byte();
        return value;
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_offset = 0;
};

struct Fuzzer {
    explicit Fuzzer(Input& input)
        : in(input)
    {
    }

    Input& in;
    ipc::NameSpace* spaces[kSpaces] = {};
    std::vector<PortName> names[kSpaces]; // names seen in each space (some stale)
    uint32_t highest_limit[kSpaces] = {}; // the largest name limit each space has had

    void new_space(int which)
    {
        spaces[which] = ipc::NameSpace::create().value();
        (void)spaces[which]->set_name_limit(kFirstNameLimit);
        highest_limit[which] = kFirstNameLimit;
        names[which].clear();
    }

    void set_limit(int which, uint32_t limit)
    {
        if (space(which).set_name_limit(limit).ok() && limit > highest_limit[which])
            highest_limit[which] = limit;
    }

    ipc::NameSpace& space(int which) { return *spaces[which]; }
    int pick_space() { return in.byte() % kSpaces; }

    PortName pick_name(int which)
    {
        uint8_t choice = in.byte();
        if (choice < 16 || names[which].empty())
            return choice < 4 ? mach::kNullName : (choice < 8 ? mach::kDeadName : in.word());
        return names[which][choice % names[which].size()];
    }

    Disposition pick_disposition() { return Disposition(in.byte() % 8); }

    void remember(int which, Result<PortName> name)
    {
        if (name.ok() && name.value() != mach::kNullName && name.value() != mach::kDeadName
            && names[which].size() < 256)
            names[which].push_back(name.value());
    }

    void send_one(int from)
    {
        test_support::TestMessage message;
        message.to(pick_name(from), pick_disposition()).with_id(in.word());
        if (in.byte() & 1)
            message.reply_to(pick_name(from), pick_disposition());
        int descriptors = in.byte() % 5;
        for (int i = 0; i < descriptors; i++) {
            if (in.byte() % 4 == 0)
                message.with_region(0x1000 * (in.byte() % 3), in.byte() * 16, in.byte() & 1);
            else
                message.with_port(pick_name(from), pick_disposition());
        }
        uint8_t body[24] = {};
        message.with_body(body, in.byte() % sizeof(body));
        if (in.byte() & 1) {
            // The direct path, into whichever space (as if a thread there waited).
            std::vector<uint8_t> bytes = message.bytes();
            ipc::DirectRoute route = ipc::plan_direct(space(from), bytes.data(), uint32_t(bytes.size()));
            if (route.destination) {
                std::vector<uint8_t> out(bytes.size());
                int into = pick_space();
                if (ipc::transfer_direct(space(from), route, bytes.data(), uint32_t(bytes.size()), space(into),
                        mach::kNullName, out.data())
                        .ok()) {
                    test_support::TestMessage received = test_support::TestMessage::parse(out);
                    remember(into, received.header.reply);
                }
                return;
            }
        }
        (void)test_support::send_message(space(from), message);
    }

    void receive_one(int into)
    {
        test_support::TestMessage message;
        Error status = test_support::receive_message(space(into), pick_name(into), message, in.byte() * 8);
        if (status != Error::none && status != Error::no_space)
            return;
        remember(into, message.header.reply);
        for (const mach::Descriptor& d : message.descriptors) {
            if (d.type == mach::DescriptorType::port)
                remember(into, d.port.name);
            else if (d.out_of_line.address)
                test_support::fake_out_of_line().memory.erase(d.out_of_line.address);
        }
    }

    void step()
    {
        int a = pick_space();
        int b = pick_space();
        switch (in.byte() % 17) {
        case 0: remember(a, space(a).allocate(RightType(1u << (in.byte() % 5)))); break;
        case 1: (void)space(a).deallocate(pick_name(a)); break;
        case 2: (void)space(a).destroy_name(pick_name(a)); break;
        case 3: (void)space(a).mod_refs(pick_name(a), RightType(1u << (in.byte() % 6)), int8_t(in.byte())); break;
        case 4: remember(b, space(a).extract_right(pick_name(a), pick_disposition(), space(b))); break;
        case 5: {
            PortName name = (in.byte() & 1) ? pick_name(b) : ((in.byte() % 40 + 1) << 8 | in.byte());
            if (space(b).insert_right(name, space(a), pick_name(a), pick_disposition()).ok())
                remember(b, name);
            break;
        }
        case 6: (void)space(a).move_member(pick_name(a), pick_name(a)); break;
        case 7: {
            auto kind = mach::NotificationKind(0x100 + in.byte() % 6);
            remember(b, space(a).request_notification(pick_name(a), kind, space(b), pick_name(b), pick_disposition()));
            break;
        }
        case 8: remember(a, space(a).make_send_with_payload(pick_name(a), in.byte())); break;
        case 9: (void)space(a).set_queue_limit(pick_name(a), in.byte() % 5); break;
        case 10: (void)space(a).type(pick_name(a)); break;
        case 11:
        case 12: send_one(a); break;
        case 13:
        case 14: receive_one(a); break;
        case 15:
            // A task dies and a new one takes its place.
            ipc::NameSpace::destroy(spaces[a]);
            new_space(a);
            break;
        case 16: set_limit(a, in.byte() * 4); break;
        }
    }

    void check_counts()
    {
        size_t names_total = 0;
        size_t table_total = 0;
        for (int which = 0; which < kSpaces; which++) {
            names_total += space(which).name_count();
            table_total += space(which).table_footprint();
            // A table grows by half at most past the limit: 16-byte entries
            // and a 4-byte bucket for every two of them, and the first slots.
            size_t bound = (size_t(highest_limit[which]) * 3 / 2 + 32) * 18 + 64;
            if (space(which).table_footprint() > bound)
                fuzz::fail("space %d: a %zu-byte name table under a limit of %u names", which,
                    space(which).table_footprint(), highest_limit[which]);
        }
        if (ipc::statistics().names != names_total)
            fuzz::fail("name count %zu != %zu", ipc::statistics().names, names_total);
        if (ipc::statistics().name_table_bytes != table_total)
            fuzz::fail("name table bytes %zu != %zu", ipc::statistics().name_table_bytes, table_total);
    }
};

void check_all_zero()
{
    ipc::release_cached_messages();
    ipc::Statistics s = ipc::statistics();
    if (s.ports || s.port_sets || s.payload_records || s.messages || s.name_spaces || s.names || s.dead_name_requests
        || s.accounts || s.message_bytes || test_support::ipc_blocks().live()
        || !test_support::fake_out_of_line().snapshots.empty()) {
        fuzz::fail("leak: ports %zu sets %zu records %zu messages %zu spaces %zu names %zu requests %zu blocks %ld",
            s.ports, s.port_sets, s.payload_records, s.messages, s.name_spaces, s.names, s.dead_name_requests,
            test_support::ipc_blocks().live());
    }
}

void start()
{
    test_support::set_up_ipc_once();
    ipc::set_out_of_line_memory(&test_support::fake_out_of_line());
    ipc::set_observer(nullptr);
}

void run(const uint8_t* data, size_t size)
{
    test_support::fake_out_of_line() = test_support::FakeOutOfLine();
    for (uint64_t address : { 0x0ull, 0x1000ull, 0x2000ull })
        test_support::fake_out_of_line().memory[address] = std::vector<uint8_t>(4096, 0xab);
    Input in(data, size);
    Fuzzer fuzzer(in);
    for (int which = 0; which < kSpaces; which++)
        fuzzer.new_space(which);
    for (int steps = 0; !in.empty() && steps < 4096; steps++) {
        fuzzer.step();
        fuzzer.check_counts();
    }
    for (ipc::NameSpace* s : fuzzer.spaces)
        ipc::NameSpace::destroy(s);
    check_all_zero();
}

const fuzz::Target kTarget { "ipc", 4096, start, run, nullptr };

} // namespace

PORTICO_FUZZ_TARGET(kTarget)
