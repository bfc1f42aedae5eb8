// File benchmarks through tmpfs (make bench): a file opened and closed, its
// attributes read, 4 KiB read and written, each a round trip to tmpfs.
#include "bench_measure.h"
#include "checks.h"

#include <fs_client/client.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/kernel_call.h>

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
    measure_open_files(root, self);
    client::close(root);
    // Let tmpfs end (the releases reach it before long).
    fsys::GoAway::Reply gone {};
    for (int tries = 0; tries < 1000 && rpc::call<fsys::GoAway>(self.bootstrap, { 0, 0 }, gone) == Error::busy; tries++)
        (void)mach::thread_sleep(10000000);
    return 0;
}
