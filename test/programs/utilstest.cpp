// settrans, showtrans and fsysopts (utils/), run as programs out of tmpfs's
// /bin one after the other, the way a shell will run them: hello attached
// actively and passively, shown, asked for its options, sent away.
#include "checks.h"

#include <exec/spawn.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

using mach::PortName;
using test_checks::check;
using test_checks::reads;
namespace client = fs::client;

namespace {

mach::SelfPorts g_self;
PortName g_root;

// Runs /bin/<argv[0]> with our bootstrap port and waits for it to end.
bool run(const char* const* argv, size_t argc)
{
    char path[64] = "/bin/";
    for (size_t i = 0; argv[0][i] && i < 50; i++)
        path[5 + i] = argv[0][i];
    size_t size = 0;
    Result<uint8_t*> read = client::read_file(g_root, g_root, path, size);
    if (!read.ok())
        return false;
    uint8_t* image = read.value();
    exec::Program program { image, size, argv, argc, nullptr, 0 };
    Result<PortName> task = exec::spawn(program, g_self.bootstrap, mach::Disposition::copy_send);
    heap::free(image);
    if (!task.ok())
        return false;
    bool ended = exec::wait_for_end(task.value(), 20'000'000'000ull) == Error::none;
    (void)mach::port_deallocate(g_self.task, task.value());
    return ended;
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    g_root = client::root_from_control(g_self.bootstrap, { 0, 0 }).value_or(mach::kNullName);

    const char* active[] = { "settrans", "-ac", "/tmp/h", "/hurd/hello" };
    check(run(active, 4), "settrans_a_ran");
    check(reads(g_root, "/tmp/h", "Hello, world!\n"), "active_hello_answers");
    const char* options[] = { "fsysopts", "/tmp/h" };
    check(run(options, 2), "fsysopts_ran");
    const char* change[] = { "fsysopts", "/tmp/h", "Goodbye,", "world!" };
    check(run(change, 4), "fsysopts_set_ran");
    check(reads(g_root, "/tmp/h", "Goodbye, world!"), "fsysopts_changed_the_greeting");

    const char* passive[] = { "settrans", "-c", "/tmp/p", "/hurd/hello", "Passive" };
    check(run(passive, 5), "settrans_p_ran");
    const char* show[] = { "showtrans", "/tmp/p" };
    check(run(show, 2), "showtrans_ran");
    check(reads(g_root, "/tmp/p", "Passive"), "passive_hello_started_on_lookup");

    const char* away[] = { "settrans", "-g", "/tmp/h" };
    check(run(away, 3), "settrans_g_ran");
    check(reads(g_root, "/tmp/h", ""), "the_node_is_plain_again");

    client::close(g_root);
    return test_checks::finish();
}
