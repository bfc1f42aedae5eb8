// File benchmarks through tmpfs (make bench): a file opened and closed, its
// attributes read, 4 KiB read and written, each a round trip to tmpfs.
#include "bench_measure.h"
#include "checks.h"

#include <fs_client/client.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/kernel_call.h>
#include <runtime/thread.h>

using mach::PortName;
namespace client = fs::client;

namespace {

constexpr uint64_t kRounds = 2000;

uint8_t g_block[4096];

constexpr uint32_t kTasks = 256;
constexpr uint32_t kFilesPerTask = 1024;

struct Footprint {
    uint64_t name_tables, payload_records, peropens;
    uint64_t total() const { return name_tables + payload_records + peropens; }
};

Footprint footprint(PortName host, PortName control)
{
    mach::HostStatistics kernel {};
    (void)mach::kernel_call(host, mach::KernelCall::host_statistics, nullptr, 0, &kernel, sizeof(kernel));
    fsys::Statistics::Reply server {};
    (void)rpc::call<fsys::Statistics>(control, {}, server);
    return { kernel.name_table_bytes, kernel.payload_record_bytes, server.open_file_bytes };
}

// 1,024 files opened in each of 256 tasks: each task's name space holds
// its rights, as a process's would (the tasks run no code; this one opens
// the files and moves the rights into them). Everything counted: the
// tasks' name tables, the kernel's payload records and tmpfs's peropens.
void measure_open_files(PortName root, const mach::SelfPorts& self)
{
    PortName tasks[kTasks] = {};
    Footprint before = footprint(self.host, self.bootstrap);
    uint64_t opened = 0;
    for (uint32_t t = 0; t < kTasks; t++) {
        mach::TaskCreateRequest request { "holder" };
        if (mach::kernel_call(
                self.task, mach::KernelCall::task_create, &request, sizeof(request), nullptr, 0, &tasks[t])
            != Error::none)
            break;
        for (uint32_t f = 1; f <= kFilesPerTask; f++) {
            Result<PortName> file = client::open(root, root, "/etc/motd", fs::kRead);
            if (!file.ok())
                break;
            if (mach::port_insert_right(tasks[t], f << 8 | 1, file.value(), mach::Disposition::move_send)
                != Error::none) {
                client::close(file.value());
                break;
            }
            opened++;
        }
    }
    Footprint after = footprint(self.host, self.bootstrap);
    uint64_t bytes = after.total() - before.total();
    mach::Line() << "open files: " << opened << "; name tables " << (after.name_tables - before.name_tables)
                 << " B, payload records " << (after.payload_records - before.payload_records) << " B, peropens "
                 << (after.peropens - before.peropens) << " B";
    if (opened == uint64_t(kTasks) * kFilesPerTask)
        mach::Line() << "open_file_bytes " << bytes / opened << " bytes";
    for (PortName task : tasks) {
        if (task) // no senders: the task (which never ran) goes, and its rights with it
            (void)mach::port_deallocate(self.task, task);
    }
}

// ---- ls / beside lookups stuck in a translator that never answers ----

constexpr uint64_t kListRounds = 200;
constexpr uint32_t kStuckLookups = 4;

// What `ls /` asks of tmpfs: open the directory, read its entries, close it.
void list_root(PortName root)
{
    Result<PortName> directory = client::open(root, root, "/", fs::kRead);
    if (!directory.ok())
        return;
    for (uint64_t first = 0;;) {
        fs::ReadDirectory::Reply entries {};
        if (rpc::call<fs::ReadDirectory>(directory.value(), { first }, entries) != Error::none || entries.count == 0)
            break;
        first += entries.count;
    }
    client::close(directory.value());
}

uint64_t instructions_per_listing(PortName root)
{
    for (int i = 0; i < 10; i++)
        list_root(root);
    uint64_t start = bench::read_tsc();
    for (uint64_t i = 0; i < kListRounds; i++)
        list_root(root);
    return (bench::read_tsc() - start) / kListRounds;
}

struct StuckLookups {
    PortName root;
    uint32_t started = 0;
    uint32_t ended = 0;
    uint32_t failed = 0; // ended with an error, as they must
};

void look_up_through_stuck(void* argument)
{
    auto& lookups = *static_cast<StuckLookups*>(argument);
    __atomic_add_fetch(&lookups.started, 1, __ATOMIC_SEQ_CST);
    Result<PortName> file = client::open(lookups.root, lookups.root, "/tmp/stuck/file", fs::kRead);
    if (file.ok())
        client::close(file.value());
    else
        __atomic_add_fetch(&lookups.failed, 1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&lookups.ended, 1, __ATOMIC_SEQ_CST);
}

// Attaches to /tmp/stuck a "translator" whose control port this program
// holds and never reads (as a user's hostile translator would be).
Result<PortName> attach_stuck_translator(PortName root, const mach::SelfPorts& self)
{
    PortName node = TRY(client::open(root, root, "/tmp/stuck", fs::kRead | fs::kWrite | fs::kCreate));
    PortName silent = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &silent));
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetActive;
    rpc::Rights<1> give;
    give[0] = { silent, mach::Disposition::make_send };
    fs::SetTranslator::Reply reply {};
    Error status = rpc::call<fs::SetTranslator>(node, request, reply, give);
    client::close(node);
    if (status != Error::none)
        return status;
    return silent;
}

// `ls /` as root while four lookups wait on a translator that never
// answers, against `ls /` idle: the ratio (rounded up) is the figure.
void measure_ls_beside_stuck_translator(PortName root, const mach::SelfPorts& self)
{
    uint64_t idle = instructions_per_listing(root);
    Result<PortName> silent = attach_stuck_translator(root, self);
    if (!silent.ok()) {
        mach::Line() << "cannot attach the stuck translator: " << error_name(silent.error());
        return;
    }
    static StuckLookups lookups;
    lookups.root = root;
    for (uint32_t i = 0; i < kStuckLookups; i++) {
        if (runtime::start_thread(&look_up_through_stuck, &lookups) != Error::none) {
            mach::Line() << "cannot start a lookup thread";
            return;
        }
    }
    // Each lookup sits in tmpfs, waiting for the silent port's answer.
    while (__atomic_load_n(&lookups.started, __ATOMIC_SEQ_CST) < kStuckLookups)
        (void)mach::thread_yield();
    (void)mach::thread_sleep(20'000'000);
    uint64_t beside = instructions_per_listing(root);
    bool still_stuck = __atomic_load_n(&lookups.ended, __ATOMIC_SEQ_CST) == 0;
    // The lookups end once tmpfs gives up on the translator (its timeout).
    for (int tries = 0; tries < 3000 && __atomic_load_n(&lookups.ended, __ATOMIC_SEQ_CST) < kStuckLookups; tries++)
        (void)mach::thread_sleep(10'000'000);
    mach::Line() << "ls /: " << idle << " insn idle, " << beside << " beside " << uint64_t(kStuckLookups)
                 << " stuck lookups (stuck throughout: " << (still_stuck ? "yes" : "no") << "); "
                 << uint64_t(lookups.failed) << " of them failed, " << uint64_t(lookups.ended) << " ended";
    (void)mach::port_destroy(self.task, silent.value());
    if (!still_stuck || lookups.failed != kStuckLookups || !idle)
        return; // no figure: the run fails
    mach::Line() << "ls_root_idle " << idle << " insn/op";
    mach::Line() << "ls_root_beside_stuck " << beside << " insn/op";
    mach::Line() << "ls_beside_stuck_translator " << (beside + idle - 1) / idle << " x"; // the ratio, rounded up
}

} // namespace

int main(int, char**, char**)
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    PortName root = client::root_from_control(self.bootstrap, { 0, 0 }).value_or(mach::kNullName);
    Result<PortName> file = client::open(root, root, "/tmp/bench", fs::kRead | fs::kWrite | fs::kCreate);
    if (!root || !file.ok()) {
        mach::Line() << "no file system to measure";
        return 1;
    }
    (void)client::write(file.value(), g_block, sizeof(g_block), 0);
    bench::measure("open_close", kRounds, [&] {
        Result<PortName> opened = client::open(root, root, "/etc/motd", fs::kRead);
        if (opened.ok())
            client::close(opened.value());
    });
    bench::measure("stat", kRounds, [&] { (void)client::stat(file.value()); });
    bench::measure("read_4k", kRounds, [&] { (void)client::read(file.value(), g_block, sizeof(g_block), 0); });
    bench::measure("write_4k", kRounds, [&] { (void)client::write(file.value(), g_block, sizeof(g_block), 0); });
    client::close(file.value());
    // Before the open files: their releases would still keep tmpfs busy.
    measure_ls_beside_stuck_translator(root, self);
    measure_open_files(root, self);
    client::close(root);
    // Let tmpfs end (the releases reach it before long).
    fsys::GoAway::Reply gone {};
    for (int tries = 0; tries < 1000 && rpc::call<fsys::GoAway>(self.bootstrap, { 0, 0 }, gone) == Error::busy; tries++)
        (void)mach::thread_sleep(10000000);
    return 0;
}
