// The fifo translator's pipe (translators/fifo) on its own, then served by
// lib/fs_server, which parks the reads and writes it answers would_block to; and
// the symlink translator followed by the file system it sits on.
#include <support/fs_world.h>

#include "../../translators/symlink/link.h"
#include <fs_server/pipe.h>

#include <atomic>
#include <functional>

using namespace fs_testing;

namespace {

// A Pipe, released at the end of the test.
struct PipeHolder {
    fs::Pipe* pipe = heap::create<fs::Pipe>().value();
    ~PipeHolder() { pipe->release(); }
};

std::string read_pipe(fs::Pipe& pipe, uint32_t amount, Error expected = Error::none)
{
    uint8_t buffer[fs::Pipe::kCapacity];
    CHECK(pipe.read(0, buffer, amount) == expected);
    return std::string(reinterpret_cast<char*>(buffer), expected == Error::none ? amount : 0);
}

Error write_pipe(fs::Pipe& pipe, const std::string& text)
{
    return pipe.write(0, reinterpret_cast<const uint8_t*>(text.data()), uint32_t(text.size()));
}

// Waits (up to 5 s) for `condition`, which another thread makes true.
bool eventually(const std::function<bool()>& condition)
{
    for (int i = 0; i < 5000; i++) {
        if (condition())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return condition();
}

// A call that may wait, in a thread of its own acting for `task`.
class Pending {
public:
    Pending(HostTask& task, std::function<void()> call)
        : m_thread([this, &task, call] {
            ActAs as(task);
            call();
            m_done = true;
        })
    {
    }
    ~Pending()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool done() const { return m_done; }
    void wait() { m_thread.join(); }

private:
    std::atomic<bool> m_done { false };
    std::thread m_thread;
};

// A pipe served by a translator attached at `name` of the client's file system.
struct FifoWorld {
    HostKernel kernel;
    Tmpfs below { kernel };
    Translator fifo { kernel, heap::create<fs::Pipe>().value() };
    Client admin { kernel, below, kRoot };

    FifoWorld()
    {
        PortName control = fifo.control_for(admin.task);
        ActAs as(admin.task);
        PortName node = admin.open("f", fs::kRead | fs::kCreate | fs::kNoTranslator).value();
        REQUIRE(set_translator(node, fs::kSetActive, control) == Error::none);
        client::close(node);
    }
    ~FifoWorld()
    {
        ActAs as(admin.task);
        client::close(admin.root);
    }
    // A client of its own (a task) opening the pipe with `flags`, as `who`.
    std::pair<Client*, PortName> open(uint32_t flags, fs::Credentials who = kRoot)
    {
        clients.push_back(std::make_unique<Client>(kernel, below, who));
        Client& c = *clients.back();
        ActAs as(c.task);
        return { &c, c.open("/f", flags).value() };
    }
    void close(std::pair<Client*, PortName> end)
    {
        ActAs as(end.first->task);
        client::close(end.second);
    }
    void close_all()
    {
        for (auto& c : clients) {
            ActAs as(c->task);
            client::close(c->root);
        }
    }
    std::vector<std::unique_ptr<Client>> clients;
};

} // namespace

TEST_CASE("fifo: the pipe's buffer: short reads, atomic writes, the end, a broken pipe, a new start")
{
    PipeHolder holder;
    fs::Pipe& pipe = *holder.pipe;
    // Before the first writer a read waits; before the first reader a write does.
    pipe.opened(fs::kRead);
    read_pipe(pipe, 10, Error::would_block);
    pipe.opened(fs::kWrite);
    CHECK(pipe.readers() == 1);
    CHECK(pipe.writers() == 1);
    read_pipe(pipe, 10, Error::would_block); // empty, with a writer
    REQUIRE(write_pipe(pipe, "hello") == Error::none);
    CHECK(pipe.stat.size == 5);
    CHECK(read_pipe(pipe, 3) == "hel");
    CHECK(read_pipe(pipe, 100) == "lo"); // a short read
    // Full: a write goes in whole or waits; the ring wraps.
    REQUIRE(write_pipe(pipe, std::string(fs::Pipe::kCapacity - 2, 'a')) == Error::none);
    CHECK(write_pipe(pipe, "xyz") == Error::would_block);
    CHECK(write_pipe(pipe, "xy") == Error::none);
    CHECK(read_pipe(pipe, 4) == "aaaa");
    REQUIRE(write_pipe(pipe, "1234") == Error::none);
    CHECK(read_pipe(pipe, fs::Pipe::kCapacity - 6) == std::string(fs::Pipe::kCapacity - 6, 'a'));
    CHECK(read_pipe(pipe, 10) == "xy1234");
    // The writer goes: the end of the file.
    pipe.closed(fs::kWrite);
    CHECK(read_pipe(pipe, 10).empty());
    // The reader goes, a writer comes: broken pipe? Not yet — the pipe is new again, the write waits for a reader.
    pipe.closed(fs::kRead);
    pipe.opened(fs::kWrite);
    CHECK(write_pipe(pipe, "x") == Error::would_block);
    pipe.opened(fs::kRead);
    CHECK(write_pipe(pipe, "x") == Error::none);
    pipe.closed(fs::kRead);
    CHECK(write_pipe(pipe, "x") == Error::broken_pipe);
    pipe.closed(fs::kWrite);
    CHECK(pipe.stat.size == 0); // what was left unread went with the last peropen
}

TEST_CASE("fifo: a read waits for a write, and finds the end when the writer closes")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead);
    std::string got, then;
    {
        Pending read(reader.first->task, [&] {
            char buffer[64];
            got.assign(buffer, client::read(reader.second, buffer, sizeof(buffer)).value());
        });
        REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
        CHECK(!read.done());
        auto writer = world.open(fs::kWrite);
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, "through the pipe") == Error::none);
        read.wait();
        CHECK(got == "through the pipe");
        Pending end(reader.first->task, [&] {
            char buffer[64];
            then = std::to_string(client::read(reader.second, buffer, sizeof(buffer)).value());
        });
        REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
        client::close(writer.second);
        end.wait();
        CHECK(then == "0");
    }
    world.close(reader);
    world.close_all();
}

TEST_CASE("fifo: a full pipe makes the writer wait; with no reader left a write is a broken pipe")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead);
    auto writer = world.open(fs::kWrite);
    {
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, std::string(fs::Pipe::kCapacity, 'a')) == Error::none);
    }
    Error late = Error::invalid_argument;
    Pending write(writer.first->task, [&] { late = write_text(writer.second, "bc"); });
    REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
    {
        ActAs as(reader.first->task);
        char buffer[10];
        CHECK(client::read(reader.second, buffer, sizeof(buffer)).value() == 10);
    }
    write.wait();
    CHECK(late == Error::none);
    world.close(reader);
    REQUIRE(eventually([&] { return world.fifo.peropens() == 1; })); // its release comes through another port
    {
        ActAs as(writer.first->task);
        CHECK(client::write(writer.second, "x", 1).error() == Error::broken_pipe);
    }
    world.close(writer);
    world.close_all();
}

TEST_CASE("fifo: non-blocking peropens get would_block instead of waiting")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead | fs::kNonBlocking);
    auto writer = world.open(fs::kWrite | fs::kNonBlocking);
    {
        ActAs as(reader.first->task);
        char buffer[10];
        CHECK(client::read(reader.second, buffer, sizeof(buffer)).error() == Error::would_block);
    }
    {
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, std::string(fs::Pipe::kCapacity, 'a')) == Error::none);
        CHECK(client::write(writer.second, "x", 1).error() == Error::would_block);
    }
    CHECK(world.fifo.parked() == 0);
    world.close(reader);
    world.close(writer);
    world.close_all();
}

TEST_CASE("fifo: parked reads are answered in arrival order")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead);
    constexpr uint32_t kLimit = 4;
    std::string got[kLimit];
    std::vector<std::unique_ptr<Pending>> reads;
    for (uint32_t i = 0; i < kLimit; i++) {
        reads.push_back(std::make_unique<Pending>(reader.first->task, [&, i] {
            char c = 0;
            got[i].assign(&c, client::read(reader.second, &c, 1).value());
        }));
        REQUIRE(eventually([&] { return world.fifo.parked() == i + 1; })); // in this order
    }
    auto writer = world.open(fs::kWrite);
    std::string letters;
    for (uint32_t i = 0; i < kLimit; i++)
        letters += char('A' + i);
    {
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, letters) == Error::none);
    }
    for (auto& read : reads)
        read->wait();
    for (uint32_t i = 0; i < kLimit; i++)
        CHECK(got[i] == std::string(1, letters[i]));
    CHECK(world.fifo.parked() == 0);
    world.close(reader);
    world.close(writer);
    world.close_all();
}

// The file system once parked 32 requests in all and answered the 33rd
// busy (EBUSY from a blocking read): a user's blocked readers are now
// limited per user only (ParkedRequests::kMaxPerUser), far beyond that.
TEST_CASE("fifo: a user's blocked reads past the old limit of 32 all wait, and all are answered")
{
    FifoWorld world;
    constexpr uint32_t kReads = 40;
    static_assert(kReads < fs::ParkedRequests::kMaxPerUser);
    auto reader = world.open(fs::kRead, kAlice);
    std::atomic<uint32_t> answered { 0 };
    std::vector<std::unique_ptr<Pending>> reads;
    for (uint32_t i = 0; i < kReads; i++) {
        reads.push_back(std::make_unique<Pending>(reader.first->task, [&] {
            char c = 0;
            Result<uint32_t> got = client::read(reader.second, &c, 1);
            if (got.ok() && got.value() == 1)
                answered++;
        }));
    }
    REQUIRE(eventually([&] { return world.fifo.parked() == kReads; }));
    auto writer = world.open(fs::kWrite, kAlice);
    {
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, std::string(kReads, 'x')) == Error::none);
    }
    for (auto& read : reads)
        read->wait();
    CHECK(answered == kReads);
    CHECK(world.fifo.parked() == 0);
    world.close(reader);
    world.close(writer);
    world.close_all();
}

// Sends a one-byte read of `file` and does not wait: the answer comes to
// `reply` (a receive right of the calling task's) whenever the pipe has data.
void send_read(PortName file, PortName reply)
{
    rpc::RequestMessage<io::Read> out {};
    out.header.destination = file;
    out.header.destination_disposition = mach::Disposition::copy_send;
    out.header.reply = reply;
    out.header.reply_disposition = mach::Disposition::make_send_once;
    out.header.id = io::Read::kId;
    out.header.size = sizeof(out);
    out.body = { io::kAtOffset, 1, 0 };
    REQUIRE(mach::msg(&out.header, mach::kSend, sizeof(out), 0, mach::kNullName, 0) == Error::none);
}

// A user's parked requests are limited (kMaxPerUser): past that, that
// user's blocking read fails at once with no_memory (ENOMEM), while
// another user's still parks and is answered.
TEST_CASE("fifo: a user past the parked limit gets no_memory; another user's read still waits and is answered")
{
    FifoWorld world;
    constexpr uint32_t kLimit = fs::ParkedRequests::kMaxPerUser;
    constexpr fs::Credentials kBob { 1001, 100 };
    auto alice = world.open(fs::kRead, kAlice);
    {
        ActAs as(alice.first->task);
        PortName replies = 0;
        REQUIRE(mach::port_allocate(alice.first->task.task_name(), mach::RightType::receive, &replies) == Error::none);
        for (uint32_t i = 0; i < kLimit; i++)
            send_read(alice.second, replies);
        REQUIRE(eventually([&] { return world.fifo.parked() == kLimit; }));
        char c = 0;
        CHECK(client::read(alice.second, &c, 1).error() == Error::no_memory);
    }
    CHECK(world.fifo.parked() == kLimit);
    auto bob = world.open(fs::kRead, kBob);
    char got = 0;
    Pending read(bob.first->task, [&] {
        Result<uint32_t> amount = client::read(bob.second, &got, 1);
        CHECK((amount.ok() && amount.value() == 1));
    });
    REQUIRE(eventually([&] { return world.fifo.parked() == kLimit + 1; }));
    CHECK(!read.done());
    auto writer = world.open(fs::kWrite, kAlice);
    {
        // Reads are answered in arrival order: Alice's first, then Bob's.
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, std::string(kLimit, 'a') + "b") == Error::none);
    }
    read.wait();
    CHECK(got == 'b');
    CHECK(world.fifo.parked() == 0);
    world.close(alice);
    world.close(bob);
    world.close(writer);
    world.close_all();
}

TEST_CASE("fifo: a parked reader that dies leaves nothing behind")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead);
    // A second task shares the reader's peropen (as after fork), and dies waiting.
    HostTask& doomed = world.kernel.create_task();
    PortName shared = world.kernel.move_right(reader.first->task, reader.second, doomed, mach::Disposition::copy_send);
    Error status = Error::none;
    Pending read(doomed, [&] {
        char buffer[8];
        status = client::read(shared, buffer, sizeof(buffer)).error();
    });
    REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
    world.kernel.kill(doomed);
    read.wait();
    CHECK(status != Error::none);
    // Its reply port died: the request is forgotten, though the peropen lives on.
    CHECK(eventually([&] { return world.fifo.parked() == 0; }));
    CHECK(world.fifo.peropens() == 1);
    // A reader whose peropen goes (its only right dies): the same.
    auto lone = world.open(fs::kRead);
    HostTask& lone_task = lone.first->task;
    Pending lone_read(lone_task, [&] {
        char buffer[8];
        (void)client::read(lone.second, buffer, sizeof(buffer));
    });
    REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
    world.kernel.kill(lone_task);
    lone_read.wait();
    CHECK(eventually([&] { return world.fifo.parked() == 0 && world.fifo.peropens() == 1; }));
    world.close(reader);
    for (auto& c : world.clients) {
        if (&c->task != &lone_task) {
            ActAs as(c->task);
            client::close(c->root);
        }
    }
}

TEST_CASE("symlink: a translator whose root is a link is followed, absolute from the root, relative from its directory")
{
    HostKernel kernel;
    Tmpfs below(kernel);
    Translator absolute(kernel, heap::create<symbolic::Link>("/etc/motd").value());
    Translator relative(kernel, heap::create<symbolic::Link>("x").value());
    Translator directory(kernel, heap::create<symbolic::Link>("/etc").value());
    Client c(kernel, below, kRoot);
    PortName controls[] = { absolute.control_for(c.task), relative.control_for(c.task), directory.control_for(c.task) };
    ActAs as(c.task);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "etc") == Error::none);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "d") == Error::none);
    for (auto [path, text] : { std::pair { "etc/motd", "message of the day" }, std::pair { "d/x", "beside" } }) {
        PortName file = c.open(path, fs::kWrite | fs::kCreate).value();
        REQUIRE(write_text(file, text) == Error::none);
        client::close(file);
    }
    const char* nodes[] = { "d/l", "d/r", "e" };
    for (int i = 0; i < 3; i++) {
        PortName node = c.open(nodes[i], fs::kRead | fs::kCreate | fs::kNoTranslator).value();
        REQUIRE(set_translator(node, fs::kSetActive, controls[i]) == Error::none);
        client::close(node);
    }
    for (auto [path, text] : { std::pair { "/d/l", "message of the day" }, std::pair { "d/r", "beside" },
             std::pair { "/e/motd", "message of the day" }, std::pair { "d/../e/motd", "message of the day" } }) {
        Result<PortName> file = c.open(path, fs::kRead);
        REQUIRE(file.ok());
        CHECK(read_all(file.value()) == text);
        client::close(file.value());
    }
    // Not followed: the link itself (readlink, stat).
    PortName link = c.open("d/l", fs::kRead | fs::kNoFollow).value();
    CHECK(fs::is_symlink(client::stat(link).value().mode));
    fs::ReadLink::Reply target {};
    REQUIRE(rpc::call<fs::ReadLink>(link, {}, target) == Error::none);
    CHECK(std::string(target.target.c_str()) == "/etc/motd");
    client::close(link);
    client::close(c.root);
}

TEST_CASE("fifo: select answers at once when the pipe is ready, and waits for data when it is not (unless told not to)")
{
    FifoWorld world;
    auto reader = world.open(fs::kRead);
    auto writer = world.open(fs::kWrite);
    io::Select::Reply ready {};
    {
        ActAs as(writer.first->task);
        REQUIRE(rpc::call<io::Select>(writer.second, { io::kWritable, 0 }, ready) == Error::none);
        CHECK(ready.ready == io::kWritable);
        // Readable is not for a write-only end to wait for: it says so at once.
        REQUIRE(rpc::call<io::Select>(writer.second, { io::kReadable, 0 }, ready) == Error::none);
        CHECK(ready.ready == io::kReadable);
        CHECK(rpc::call<io::Select>(writer.second, { 0, 0 }, ready) == Error::invalid_argument);
    }
    {
        // With kNow (poll with a zero timeout) a pipe not ready says so instead of waiting.
        ActAs as(reader.first->task);
        ready.ready = io::kReadable;
        REQUIRE(rpc::call<io::Select>(reader.second, { io::kReadable, io::Select::kNow }, ready) == Error::none);
        CHECK(ready.ready == 0);
        CHECK(world.fifo.parked() == 0);
    }
    {
        Pending select(reader.first->task, [&] {
            io::Select::Reply got {};
            REQUIRE(rpc::call<io::Select>(reader.second, { io::kReadable, 0 }, got) == Error::none);
            ready = got;
        });
        REQUIRE(eventually([&] { return world.fifo.parked() == 1; }));
        CHECK(!select.done());
        ActAs as(writer.first->task);
        REQUIRE(write_text(writer.second, "x") == Error::none);
        select.wait();
        CHECK(ready.ready == io::kReadable);
    }
    world.close(writer);
    {
        // At the end of the file (no writer left) the read end is readable.
        ActAs as(reader.first->task);
        char buffer[4];
        REQUIRE(client::read(reader.second, buffer, sizeof(buffer)).value() == 1);
        REQUIRE(rpc::call<io::Select>(reader.second, { io::kReadable, 0 }, ready) == Error::none);
        CHECK(ready.ready == io::kReadable);
    }
    world.close(reader);
    world.close_all();
}
