// File benchmarks through tmpfs (make bench): a file opened and closed, its
// attributes read, 4 KiB read and written, each a round trip to tmpfs.
#include "bench_measure.h"
#include "checks.h"

#include <fs/client.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

using mach::PortName;
namespace client = fs::client;

namespace {

constexpr uint64_t kRounds = 2000;

PortName root_of(PortName control)
{
    rpc::Rights<1> got;
    fsys::GetRoot::Reply reply {};
    Error status = rpc::call<fsys::GetRoot>(control, { { 0, 0 }, fs::kRead | fs::kExecute, 0 }, reply, {}, &got);
    return status == Error::none ? got[0].name : mach::kNullName;
}

uint8_t g_block[4096];

} // namespace

int main(int, char**, char**)
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    PortName root = root_of(self.bootstrap);
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
    client::close(root);
    // Let tmpfs end (the releases reach it before long).
    fsys::GoAway::Reply gone {};
    for (int tries = 0; tries < 100 && rpc::call<fsys::GoAway>(self.bootstrap, { 0, 0 }, gone) == Error::busy; tries++)
        (void)mach::thread_sleep(10000000);
    return 0;
}
