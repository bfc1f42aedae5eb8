// The fifo and symlink translators on the real kernel, attached as
// `settrans -ac` does. A second task — this program again, read from
// /test/fifotest and started as "fifowriter" — writes into the fifo that
// this one is already blocked reading; its big write waits for room; its
// close gives the end of the file. Then a broken pipe, a non-blocking
// read, and symbolic links (absolute, relative, to a directory) read
// through. The bootstrap port is tmpfs's control port.
#include "checks.h"

#include <exec/spawn.h>
#include <fs_client/client.h>
#include <fs_server/translator_start.h>
#include <heap/heap.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

using mach::PortName;
using test_checks::check;
using test_checks::reads;
namespace client = fs::client;

namespace {

constexpr char kGreeting[] = "hello through a fifo\n";
constexpr uint32_t kBulk = 20480; // more than the pipe holds: the writer waits for room
constexpr uint64_t kHeadStartNs = 300'000'000;

mach::SelfPorts g_self;
PortName g_root;

uint64_t now_ns()
{
    uint64_t ns = 0;
    (void)mach::clock_monotonic(&ns);
    return ns;
}

uint8_t bulk_byte(uint32_t i) { return uint8_t(i % 251); }

// settrans -ac PATH ARGV...: the translator started and attached to PATH
// (created); with `task`, its task port is the caller's.
Error attach(const char* path, const char* const* argv, size_t argc, PortName* task = nullptr)
{
    size_t size = 0;
    uint8_t* image = TRY(client::read_file(g_root, g_root, argv[0], size));
    exec::Program program { image, size, argv, argc, nullptr, 0 };
    Result<PortName> control = fs::start_translator(program, 10'000'000'000ull, {}, task);
    heap::free(image);
    if (!control.ok())
        return control.error();
    Result<PortName> node = client::open(g_root, g_root, path, fs::kRead | fs::kCreate | fs::kNoTranslator);
    if (!node.ok()) {
        client::close(control.value());
        return node.error();
    }
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetActive;
    fs::SetTranslator::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { control.value(), mach::Disposition::move_send };
    Error status = rpc::call<fs::SetTranslator>(node.value(), request, reply, give);
    client::close(node.value());
    return status;
}

// The child: waits for the reader to block, then writes the greeting and the bulk, and closes.
int writer()
{
    (void)mach::thread_sleep(kHeadStartNs);
    Result<PortName> fifo = client::open(g_root, g_root, "/tmp/f", fs::kWrite);
    if (!fifo.ok())
        return 1;
    bool ok = client::write(fifo.value(), kGreeting, sizeof(kGreeting) - 1).value_or(0) == sizeof(kGreeting) - 1;
    uint8_t chunk[4096];
    for (uint32_t at = 0; ok && at < kBulk; at += sizeof(chunk)) {
        for (uint32_t i = 0; i < sizeof(chunk); i++)
            chunk[i] = bulk_byte(at + i);
        ok = client::write(fifo.value(), chunk, sizeof(chunk)).value_or(0) == sizeof(chunk);
    }
    client::close(fifo.value());
    return ok ? 0 : 2;
}

// Waits (up to 10 s) for the task to end, then lets its port go (the
// last send right to a live task's port would end it).
bool wait_for_end(PortName task)
{
    bool ended = exec::wait_for_end(task, 10'000'000'000ull) == Error::none;
    (void)mach::port_deallocate(g_self.task, task);
    return ended;
}

// This program again, as `name` in `mode`.
Result<PortName> spawn_child(const char* name, const char* mode)
{
    size_t size = 0;
    uint8_t* image = TRY(client::read_file(g_root, g_root, "/test/fifotest", size));
    const char* argv[] = { name, mode };
    exec::Program program { image, size, argv, 2, nullptr, 0 };
    Result<PortName> task = exec::spawn(program, g_self.bootstrap, mach::Disposition::copy_send);
    heap::free(image);
    return task;
}

void check_pipe_between_tasks()
{
    const char* argv[] = { "/hurd/fifo" };
    check(attach("/tmp/f", argv, 1) == Error::none, "fifo_attached");
    Result<PortName> fifo = client::open(g_root, g_root, "/tmp/f", fs::kRead);
    Result<fs::Stat> stat = fifo.ok() ? client::stat(fifo.value()) : Result<fs::Stat>(fifo.error());
    check(stat.ok() && (stat.value().mode & fs::kTypeMask) == fs::kFifo, "fifo_stat_says_fifo");
    Result<PortName> task = fifo.ok() ? spawn_child("fifowriter", "writer") : Result<PortName>(fifo.error());
    check(task.ok(), "writer_spawned");
    if (!task.ok())
        return;
    // Blocked before the writer comes: answered by its first write.
    uint64_t start = now_ns();
    char text[64] = {};
    Result<uint32_t> got = client::read(fifo.value(), text, sizeof(text) - 1);
    check(got.ok() && got.value() == sizeof(kGreeting) - 1 && test_checks::same_text(text, kGreeting),
        "blocked_read_gets_the_first_write");
    check(now_ns() - start >= kHeadStartNs / 2, "the_read_waited_for_the_writer");
    // Let the writer fill the pipe and wait for room, then drain it.
    (void)mach::thread_sleep(kHeadStartNs);
    uint8_t buffer[3000];
    uint32_t total = 0;
    bool same = true;
    for (;;) {
        Result<uint32_t> part = client::read(fifo.value(), buffer, sizeof(buffer));
        if (!part.ok() || part.value() == 0) {
            check(part.ok(), "end_of_file_once_the_writer_closed");
            break;
        }
        for (uint32_t i = 0; i < part.value(); i++)
            same = same && buffer[i] == bulk_byte(total + i);
        total += part.value();
    }
    check(total == kBulk && same, "bulk_data_came_through_in_order");
    client::close(fifo.value());
    check(wait_for_end(task.value()), "writer_ended");
}

void check_broken_pipe_and_non_blocking()
{
    Result<PortName> reader = client::open(g_root, g_root, "/tmp/f", fs::kRead | fs::kNonBlocking);
    char c = 0;
    check(reader.ok() && client::read(reader.value(), &c, 1).error() == Error::would_block,
        "non_blocking_read_would_block");
    Result<PortName> writer = client::open(g_root, g_root, "/tmp/f", fs::kWrite);
    check(writer.ok() && client::write(writer.value(), "x", 1).value_or(0) == 1, "write_with_a_reader");
    if (reader.ok())
        client::close(reader.value());
    // The reader's release reaches the fifo on its notification port: soon.
    Error status = Error::none;
    for (int tries = 0; writer.ok() && tries < 100 && status == Error::none; tries++) {
        status = client::write(writer.value(), "x", 1).error();
        if (status == Error::none)
            (void)mach::thread_sleep(10'000'000);
    }
    check(status == Error::broken_pipe, "write_without_reader_is_broken_pipe");
    if (writer.ok())
        client::close(writer.value());
}

// The child: reads a fifo nobody writes to, blocked until its translator is
// killed; the read must then fail, not hang.
int blocked_reader()
{
    Result<PortName> fifo = client::open(g_root, g_root, "/tmp/k", fs::kRead);
    char c = 0;
    Result<uint32_t> got = fifo.ok() ? client::read(fifo.value(), &c, 1) : Result<uint32_t>(fifo.error());
    check(fifo.ok() && !got.ok(), "the_blocked_read_ended_with_an_error");
    mach::Line() << "read ended: " << error_name(got.ok() ? Error::none : got.error());
    if (fifo.ok())
        client::close(fifo.value());
    return test_checks::finish();
}

// A translator killed while a client is blocked in a call to it: the
// client gets an error, and the node is itself again.
void check_translator_killed_under_a_blocked_client()
{
    const char* argv[] = { "/hurd/fifo" };
    PortName translator = mach::kNullName;
    check(attach("/tmp/k", argv, 1, &translator) == Error::none, "fifo_attached_for_the_kill");
    Result<PortName> reader = spawn_child("blockedreader", "blocked-reader");
    check(reader.ok(), "blocked_reader_spawned");
    if (!reader.ok() || translator == mach::kNullName)
        return;
    (void)mach::thread_sleep(kHeadStartNs); // it opens the fifo and blocks reading
    mach::TaskTerminateRequest end { 9, 0 };
    check(mach::kernel_call(translator, mach::KernelCall::task_terminate, &end, sizeof(end), nullptr, 0) == Error::none,
        "fifo_translator_killed");
    (void)mach::port_deallocate(g_self.task, translator);
    check(wait_for_end(reader.value()), "the_blocked_reader_ended");
    Result<PortName> node = client::open(g_root, g_root, "/tmp/k", fs::kRead);
    Result<fs::Stat> stat = node.ok() ? client::stat(node.value()) : Result<fs::Stat>(node.error());
    check(stat.ok() && fs::is_regular(stat.value().mode), "the_node_is_a_plain_file_again");
    if (node.ok())
        client::close(node.value());
}

void check_symlinks()
{
    const char* absolute[] = { "/hurd/symlink", "/etc/motd" };
    check(attach("/tmp/l", absolute, 2) == Error::none, "symlink_attached");
    check(reads(g_root, "/tmp/l", "Welcome to Portico.\n"), "absolute_link_followed");
    Result<PortName> link = client::open(g_root, g_root, "/tmp/l", fs::kRead | fs::kNoFollow);
    Result<fs::Stat> stat = link.ok() ? client::stat(link.value()) : Result<fs::Stat>(link.error());
    check(stat.ok() && fs::is_symlink(stat.value().mode), "stat_shows_a_symlink");
    fs::ReadLink::Reply target {};
    check(link.ok() && rpc::call<fs::ReadLink>(link.value(), {}, target) == Error::none
            && test_checks::same_text(target.target.c_str(), "/etc/motd"),
        "readlink_shows_the_target");
    if (link.ok())
        client::close(link.value());

    Result<PortName> beside = client::open(g_root, g_root, "/tmp/x", fs::kWrite | fs::kCreate, 0644);
    check(beside.ok() && client::write(beside.value(), "beside\n", 7).value_or(0) == 7, "target_file_made");
    if (beside.ok())
        client::close(beside.value());
    const char* relative[] = { "/hurd/symlink", "x" };
    check(
        attach("/tmp/r", relative, 2) == Error::none && reads(g_root, "/tmp/r", "beside\n"), "relative_link_followed");
    const char* directory[] = { "/hurd/symlink", "/etc" };
    check(attach("/tmp/e", directory, 2) == Error::none && reads(g_root, "/tmp/e/motd", "Welcome to Portico.\n"),
        "link_to_a_directory_followed_mid_path");
}

} // namespace

int main(int argc, char** argv, char**)
{
    (void)mach::self_ports(&g_self);
    g_root = client::root_from_control(g_self.bootstrap, { 0, 0 }).value_or(mach::kNullName);
    if (argc > 1 && test_checks::same_text(argv[1], "writer"))
        return writer();
    if (argc > 1 && test_checks::same_text(argv[1], "blocked-reader"))
        return blocked_reader();
    check(g_root != mach::kNullName, "root_from_tmpfs");
    check_pipe_between_tasks();
    check_broken_pipe_and_non_blocking();
    check_translator_killed_under_a_blocked_client();
    check_symlinks();
    client::close(g_root);
    // tmpfs goes, so that the boot ends (the translators it holds go with their nodes' file system).
    fsys::GoAway::Reply gone {};
    (void)rpc::call<fsys::GoAway>(g_self.bootstrap, { 1, 0 }, gone);
    return test_checks::finish();
}
