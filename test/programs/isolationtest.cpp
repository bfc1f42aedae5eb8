// What keeps a user of the file systems in her place, run by startup from
// the root file system (/test/isolationtest) as root, acting as Alice (uid
// 1000) through a handle and a root directory reauthenticated for her:
// - a passive translator she sets on her own node runs as her (idprobe
//   writes its ids to her .NODE.log), cannot open root's 0600 file, and
//   its start is over as soon as it ends; programs she may not execute,
//   or reach, are refused;
// - the sticky /tmp keeps root's file from her;
// - /tmp is a tmpfs of its own with a size: filling it gives her
//   no_space, and root's work goes on; removing the file gives the room
//   back.
#include "checks.h"

#include <auth/client.h>
#include <exec/child.h>
#include <exec/init_ports.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/auth.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

using mach::PortName;
using test_checks::check;
namespace client = fs::client;

namespace {

constexpr auth::Ids kAlice { 1000, 100 };
constexpr uint64_t kStartLimitNs = 3'000'000'000ull; // a translator's start gives up after 5 s

exec::InitPorts g_init;

bool contains(const char* text, const char* part)
{
    for (; *text; text++) {
        size_t i = 0;
        while (part[i] && text[i] == part[i])
            i++;
        if (!part[i])
            return true;
    }
    return false;
}

// Creates (or truncates) `path` from `root` with `mode` and writes `size` bytes of `data`.
Error write_file(PortName root, const char* path, uint32_t mode, const void* data, size_t size)
{
    PortName file = TRY(client::open(root, root, path, fs::kWrite | fs::kCreate | fs::kTruncate, mode));
    Error status = Error::none;
    for (size_t done = 0; done < size && status == Error::none;) {
        uint32_t piece = uint32_t(size - done < io::kMaxTransfer ? size - done : io::kMaxTransfer);
        Result<uint32_t> put = client::write(file, static_cast<const uint8_t*>(data) + done, piece);
        status = put.ok() ? Error::none : put.error();
        done += put.ok() ? put.value() : 0;
    }
    client::close(file);
    return status;
}

Error set_passive(PortName root, const char* path, const char* command)
{
    PortName node = TRY(client::open(root, root, path, fs::kRead | fs::kCreate | fs::kNoTranslator, 0644));
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetPassive;
    request.passive.set(command);
    fs::SetTranslator::Reply done {};
    Error status = rpc::call<fs::SetTranslator>(node, request, done);
    client::close(node);
    return status;
}

// Opens `path` (which starts its passive translator): the error, and how long it took.
Error open_timed(PortName root, const char* path, uint64_t& took_ns)
{
    uint64_t start = 0, end = 0;
    (void)mach::clock_monotonic(&start);
    Result<PortName> opened = client::open(root, root, path, fs::kRead);
    (void)mach::clock_monotonic(&end);
    took_ns = end - start;
    if (opened.ok())
        client::close(opened.value());
    return opened.ok() ? Error::none : opened.error();
}

void check_passive_translators(PortName root, PortName her_root)
{
    check(write_file(root, "/secret", 0600, "root only", 9) == Error::none, "root_writes_a_0600_secret");
    size_t size = 0;
    Result<uint8_t*> probe = client::read_file(root, root, "/test/idprobe", size);
    check(probe.ok(), "the_probe_program_is_there");
    if (!probe.ok())
        return;
    // Her node, her log, her translator.
    check(write_file(her_root, "/home/user/.probe.log", 0600, "", 0) == Error::none, "alice_makes_her_log");
    check(set_passive(her_root, "/home/user/probe", "/test/idprobe") == Error::none, "alice_sets_a_passive_translator");
    check(set_passive(her_root, "/home/user/quitter", "/test/idprobe --exit") == Error::none,
        "alice_sets_one_that_ends_at_once");
    uint64_t took = 0;
    Error opened = open_timed(her_root, "/home/user/quitter", took);
    mach::Line() << "a translator that ends at once: " << error_name(opened) << " after " << took / 1000000 << " ms";
    check(opened != Error::none && opened != Error::timed_out, "a_translator_that_never_comes_up_fails_the_lookup");
    check(took < kStartLimitNs, "a_translator_that_ends_at_once_is_noticed_at_once");
    // The probe comes up (with a control port that is gone), then writes its log.
    (void)open_timed(her_root, "/home/user/probe", took);
    char text[256] = {};
    for (int tries = 0; tries < 100 && !text[0]; tries++) {
        size_t log_size = 0;
        Result<uint8_t*> log = client::read_file(her_root, her_root, "/home/user/.probe.log", log_size);
        if (log.ok()) {
            __builtin_memcpy(text, log.value(), log_size < sizeof(text) - 1 ? log_size : sizeof(text) - 1);
            heap::free(log.value());
        }
        if (!text[0])
            (void)mach::thread_sleep(50'000'000);
    }
    mach::Line() << "probe log: " << text;
    check(contains(text, "uid=1000 gid=100"), "the_translator_runs_as_the_nodes_owner");
    check(contains(text, "root=yes") && contains(text, "cwd=yes"), "the_translator_has_root_and_working_directories");
    check(contains(text, "proc=yes"), "the_translator_has_a_proc_handle");
    check(contains(text, "secret=permission_denied"), "the_translator_cannot_open_roots_secret");
    // A program she may not execute: her own copy, 0644.
    check(write_file(her_root, "/home/user/notexec", 0644, probe.value(), size) == Error::none,
        "alice_copies_the_probe_without_execute_bits");
    check(set_passive(her_root, "/home/user/p2", "/home/user/notexec") == Error::none, "alice_sets_it_on_p2");
    check(open_timed(her_root, "/home/user/p2", took) == Error::permission_denied,
        "a_program_the_owner_may_not_execute_is_refused");
    // One behind a directory she may not search.
    PortName made = client::open(root, root, "/", fs::kRead).value_or(mach::kNullName);
    fs::MakeDirectory::Request directory {};
    directory.name.set("private");
    directory.mode = 0700;
    fs::MakeDirectory::Reply done {};
    (void)rpc::call<fs::MakeDirectory>(made, directory, done);
    client::close(made);
    check(write_file(root, "/private/idprobe", 0755, probe.value(), size) == Error::none,
        "root_puts_a_probe_in_a_0700_directory");
    check(set_passive(her_root, "/home/user/p3", "/private/idprobe") == Error::none, "alice_sets_it_on_p3");
    check(open_timed(her_root, "/home/user/p3", took) == Error::permission_denied,
        "a_program_behind_a_directory_the_owner_may_not_search_is_refused");
    heap::free(probe.value());
}

void check_sticky_tmp(PortName root, PortName her_root)
{
    check(write_file(root, "/tmp/roots", 0666, "root's", 6) == Error::none, "root_writes_a_file_in_tmp");
    PortName tmp = client::open(her_root, her_root, "/tmp", fs::kRead).value_or(mach::kNullName);
    fs::Unlink::Request unlink {};
    unlink.name.set("roots");
    fs::Unlink::Reply unlinked {};
    check(rpc::call<fs::Unlink>(tmp, unlink, unlinked) == Error::permission_denied,
        "sticky_tmp_refuses_alice_removing_roots_file");
    check(write_file(her_root, "/tmp/hers", 0644, "hers", 4) == Error::none, "alice_writes_a_file_in_tmp");
    unlink.name.set("hers");
    check(rpc::call<fs::Unlink>(tmp, unlink, unlinked) == Error::none, "alice_removes_her_own_file_in_tmp");
    client::close(tmp);
    check(test_checks::reads(root, "/tmp/roots", "root's"), "roots_file_is_still_there");
}

// The control port of the translator on `path` (as root).
Result<PortName> control_of(PortName root, const char* path)
{
    PortName node = TRY(client::open(root, root, path, fs::kNoTranslator));
    rpc::Rights<1> control;
    fs::GetTranslatorControl::Reply found {};
    Error status = rpc::call<fs::GetTranslatorControl>(node, {}, found, {}, &control);
    client::close(node);
    TRY_STATUS(status);
    return control[0].name;
}

Error set_options(PortName control, const char* options)
{
    fsys::SetOptions::Request change {};
    change.options.set(options);
    fsys::SetOptions::Reply changed {};
    return rpc::call<fsys::SetOptions>(control, change, changed);
}

void check_full_tmp(PortName root, PortName her_root)
{
    Result<PortName> control = control_of(root, "/tmp");
    fsys::GetOptions::Reply options {};
    check(control.ok() && rpc::call<fsys::GetOptions>(control.value(), {}, options) == Error::none
            && contains(options.options.c_str(), "--size="),
        "tmp_is_a_tmpfs_of_its_own_with_a_size");
    if (!control.ok())
        return;
    mach::Line() << "tmp options: " << options.options.c_str();
    // Smaller, so that filling it is quick under emulation; changed live.
    check(set_options(control.value(), "--size=2M") == Error::none, "root_shrinks_tmp_live");
    static uint8_t zeros[io::kMaxTransfer];
    PortName z = client::open(her_root, her_root, "/tmp/z", fs::kWrite | fs::kCreate, 0644).value_or(mach::kNullName);
    Error status = Error::none;
    uint64_t written = 0;
    while (status == Error::none && written < (8u << 20)) {
        Result<uint32_t> put = client::write(z, zeros, sizeof(zeros));
        status = put.ok() ? Error::none : put.error();
        written += put.ok() ? put.value() : 0;
    }
    client::close(z);
    mach::Line() << "alice wrote " << written << " bytes to /tmp/z: " << error_name(status);
    check(status == Error::no_space && written >= (1u << 20), "filling_tmp_gives_alice_no_space");
    check(write_file(root, "/after-tmp-filled", 0644, "still here", 10) == Error::none
            && test_checks::reads(root, "/after-tmp-filled", "still here"),
        "the_root_file_system_still_takes_files");
    static const char* const argv[] = { "/bin/true" };
    Result<int32_t> pid = exec::start_child({ "/bin/true", argv, 1, nullptr, 0 }, g_init);
    check(pid.ok() && exec::wait_child(g_init[exec::kProc], pid.value()).value_or(-1) == 0,
        "programs_still_start_with_tmp_full");
    PortName tmp = client::open(her_root, her_root, "/tmp", fs::kRead).value_or(mach::kNullName);
    fs::Unlink::Request unlink {};
    unlink.name.set("z");
    fs::Unlink::Reply unlinked {};
    check(rpc::call<fs::Unlink>(tmp, unlink, unlinked) == Error::none, "alice_removes_the_big_file");
    client::close(tmp);
    static uint8_t megabyte[1u << 20];
    check(write_file(her_root, "/tmp/again", 0644, megabyte, sizeof(megabyte)) == Error::none,
        "removing_it_gave_the_room_back");
    check(set_options(control.value(), "--size=25%") == Error::none, "root_restores_tmps_size");
    client::close(control.value());
}

} // namespace

int main(int, char**, char**)
{
    g_init = exec::receive_init_ports();
    PortName root = g_init[exec::kRootDirectory];
    Result<PortName> alice = auth::client::make_handle(g_init[exec::kAuth], kAlice);
    Result<PortName> her_root
        = alice.ok() ? client::reauthenticate(root, alice.value()) : Result<PortName>(alice.error());
    check(her_root.ok(), "alice_gets_a_root_directory_of_her_own");
    if (her_root.ok()) {
        check_passive_translators(root, her_root.value());
        check_sticky_tmp(root, her_root.value());
        check_full_tmp(root, her_root.value());
    }
    return test_checks::finish();
}
