// Starting programs from user space (lib/exec) on the real kernel: hello,
// read out of tmpfs (which unpacked it from the boot archive), started as a
// task of its own, answers through its control port, is attached to a
// tmpfs node like `settrans -a` does, and once killed leaves the node
// usable. The bootstrap port is tmpfs's control port.
#include "checks.h"

#include <exec/init_ports.h>
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

Error set_active(PortName node, PortName control)
{
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetActive;
    fs::SetTranslator::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { control, mach::Disposition::copy_send };
    return rpc::call<fs::SetTranslator>(node, request, reply, give);
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    PortName root = client::root_from_control(g_self.bootstrap, { 0, 0 }).value_or(mach::kNullName);
    size_t size = 0;
    Result<uint8_t*> read = client::read_file(root, root, "/hurd/hello", size);
    uint8_t* image = read.ok() ? read.value() : nullptr;
    check(image != nullptr && size > 1000, "hello_read_from_tmpfs");
    if (!image)
        return test_checks::finish();

    // hello's control port: we keep a send right, it gets the receive right
    // as its bootstrap, with its (empty) init ports queued first.
    PortName control = mach::kNullName;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &control);
    (void)exec::make_bootstrap({}, control);
    PortName same = mach::kNullName;
    (void)mach::port_extract_right(g_self.task, control, mach::Disposition::make_send, &same);
    const char* argv[] = { "hello", "Greetings from a spawned translator\n" };
    exec::Program program { image, size, argv, 2, nullptr, 0 };
    Result<PortName> task = exec::spawn(program, control, mach::Disposition::move_receive);
    check(task.ok(), "hello_spawned");
    const char* garbage_argv[] = { "garbage" };
    exec::Program garbage { image + 64, size - 64, garbage_argv, 1, nullptr, 0 };
    check(exec::spawn(garbage, mach::kNullName, mach::Disposition::none).error() == Error::invalid_argument,
        "a_damaged_image_is_refused");
    heap::free(image);
    if (!task.ok())
        return test_checks::finish();

    PortName hello_root = client::root_from_control(control, { 0, 0 }).value_or(mach::kNullName);
    check(hello_root != mach::kNullName && reads(hello_root, "", "Greetings from a spawned translator\n"),
        "spawned_hello_answers");
    client::close(hello_root);

    // settrans -a /tmp/h: hello on a node of tmpfs.
    Result<PortName> node = client::open(root, root, "/tmp/h", fs::kRead | fs::kCreate | fs::kNoTranslator);
    check(node.ok() && set_active(node.value(), control) == Error::none, "attached_to_a_tmpfs_node");
    check(reads(root, "/tmp/h", "Greetings from a spawned translator\n"), "read_through_the_node");

    // Killed: the node is the plain (empty) file again.
    mach::TaskTerminateRequest kill { 9, 0 };
    check(mach::kernel_call(task.value(), mach::KernelCall::task_terminate, &kill, sizeof(kill), nullptr, 0)
            == Error::none,
        "hello_killed");
    Result<PortName> plain = client::open(root, root, "/tmp/h", fs::kRead);
    Result<fs::Stat> stat = plain.ok() ? client::stat(plain.value()) : Result<fs::Stat>(plain.error());
    check(stat.ok() && stat.value().size == 0, "node_is_itself_again");
    if (plain.ok())
        client::close(plain.value());
    if (node.ok())
        client::close(node.value());
    client::close(control);

    // settrans /tmp/p /hurd/hello Passive: tmpfs starts it at the first lookup that crosses the node.
    Result<PortName> passive = client::open(root, root, "/tmp/p", fs::kRead | fs::kCreate | fs::kNoTranslator);
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetPassive;
    request.passive.set("/hurd/hello Passive");
    fs::SetTranslator::Reply reply {};
    check(passive.ok() && rpc::call<fs::SetTranslator>(passive.value(), request, reply) == Error::none,
        "passive_translator_set");
    check(reads(root, "/tmp/p", "Passive"), "passive_translator_started_on_lookup");
    check(reads(root, "/tmp/p", "Passive"), "and_kept_running");
    fs::GetTranslator::Reply shown {};
    check(passive.ok() && rpc::call<fs::GetTranslator>(passive.value(), {}, shown) == Error::none
            && test_checks::same_text(shown.passive.c_str(), "/hurd/hello Passive"),
        "showtrans_shows_it");
    if (passive.ok())
        client::close(passive.value());
    // A passive translator whose program is missing: the lookup fails, nothing hangs.
    Result<PortName> broken = client::open(root, root, "/tmp/q", fs::kRead | fs::kCreate | fs::kNoTranslator);
    request.passive.set("/hurd/missing");
    check(broken.ok() && rpc::call<fs::SetTranslator>(broken.value(), request, reply) == Error::none
            && client::open(root, root, "/tmp/q", fs::kRead).error() == Error::not_found,
        "a_missing_program_fails_the_lookup");
    if (broken.ok())
        client::close(broken.value());
    (void)mach::port_deallocate(g_self.task, task.value());
    client::close(root);
    return test_checks::finish();
}
