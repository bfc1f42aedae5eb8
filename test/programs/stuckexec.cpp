// exec reading a program through a port that never answers (issue 13,
// hole 5), run by startup from the root file system (/test/stuckexec):
// the Exec call fails once exec's call timeout passes, and exec starts
// other programs meanwhile (it serves from several workers).
//   stuckexec           the checks
//   stuckexec --child   a program started while the stuck Exec waits: ends with 5
#include "checks.h"

#include <exec/arguments.h>
#include <exec/child.h>
#include <exec/init_ports.h>
#include <heap/heap.h>
#include <interfaces/exec.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <runtime/thread.h>

using mach::PortName;
using test_checks::check;

namespace {

exec::InitPorts g_init;

uint64_t now_ns()
{
    uint64_t ns = 0;
    (void)mach::clock_monotonic(&ns);
    return ns;
}

struct StuckExec {
    PortName silent = mach::kNullName; // the "file": a port nobody reads
    PortName task = mach::kNullName; // a new, empty task to load into
    Error status = Error::none;
    uint64_t took_ns = 0;
    bool ended = false;
};

// Asks exec to load the program behind `silent` into `task`.
void exec_through_silent_port(void* argument)
{
    auto& stuck = *static_cast<StuckExec*>(argument);
    uint64_t start = now_ns();
    Error status = Error::no_memory;
    if (auto* request = heap::create<exec::Exec::Request>().value_or(nullptr)) {
        const char* argv[] = { "/test/never" };
        Result<uint32_t> packed = exec::pack_arguments(
            "/test/never", argv, 1, nullptr, 0, reinterpret_cast<char*>(request->strings.bytes), exec::kMaxStrings);
        status = packed.ok() ? Error::none : packed.error();
        if (status == Error::none) {
            request->argc = 1;
            request->strings.length = packed.value();
            rpc::Rights<exec::Exec::kRequestRights> give;
            give[exec::kFile] = { stuck.silent, mach::Disposition::make_send };
            give[exec::kTask] = { stuck.task, mach::Disposition::copy_send };
            for (uint32_t i = 0; i < exec::kInitPortCount; i++) {
                if (g_init.at[i] != mach::kNullName)
                    give[exec::kFirstInitPort + i] = { g_init.at[i], mach::Disposition::copy_send };
            }
            exec::Exec::Reply reply {};
            status = rpc::call<exec::Exec>(g_init[exec::kExecServer], *request, reply, give);
        }
        heap::destroy(request);
    }
    stuck.took_ns = now_ns() - start;
    stuck.status = status;
    __atomic_store_n(&stuck.ended, true, __ATOMIC_SEQ_CST);
}

} // namespace

int main(int argc, char** argv, char**)
{
    g_init = exec::receive_init_ports(); // (which also has its exit status told to proc)
    if (argc > 1 && test_checks::same_text(argv[1], "--child"))
        return 5;
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    static StuckExec stuck;
    mach::TaskCreateRequest create { "never" };
    check(mach::port_allocate(self.task, mach::RightType::receive, &stuck.silent) == Error::none
            && mach::kernel_call(
                   self.task, mach::KernelCall::task_create, &create, sizeof(create), nullptr, 0, &stuck.task)
                == Error::none,
        "made_a_silent_port_and_a_task");
    check(runtime::start_thread(&exec_through_silent_port, &stuck) == Error::none, "started_the_stuck_exec");
    (void)mach::thread_sleep(500'000'000); // it sits in exec now, waiting for the silent port
    uint64_t start = now_ns();
    const char* child_argv[] = { "/test/stuckexec", "--child" };
    Result<int32_t> pid = exec::start_child({ "/test/stuckexec", child_argv, 2, nullptr, 0 }, g_init);
    Result<int32_t> status
        = pid.ok() ? exec::wait_child(g_init[exec::kProc], pid.value()) : Result<int32_t>(pid.error());
    bool still_stuck = !__atomic_load_n(&stuck.ended, __ATOMIC_SEQ_CST);
    check(status.ok() && status.value() == proc::exited_status(5) && still_stuck,
        "exec_starts_another_program_while_one_read_waits");
    mach::Line() << "the other program took " << (now_ns() - start) / 1'000'000
                 << " ms: " << (status.ok() ? "ended, wait status " : error_name(status.error()))
                 << (status.ok() ? int64_t(status.value()) : int64_t(0));
    for (int i = 0; i < 3000 && !__atomic_load_n(&stuck.ended, __ATOMIC_SEQ_CST); i++)
        (void)mach::thread_sleep(10'000'000);
    check(__atomic_load_n(&stuck.ended, __ATOMIC_SEQ_CST) && stuck.status != Error::none,
        "the_exec_through_a_silent_port_fails");
    mach::Line() << "it failed with " << error_name(stuck.status) << " after " << stuck.took_ns / 1'000'000 << " ms";
    check(stuck.status == Error::timed_out, "with_timed_out");
    (void)mach::port_destroy(self.task, stuck.silent);
    (void)mach::port_deallocate(self.task, stuck.task);
    return test_checks::finish();
}
