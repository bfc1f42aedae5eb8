// Processes: fork, the exec family, waitpid, _exit, the ids and kill.
// proc (lib/interfaces/proc.h) keeps the process tree; the kernel's
// task_fork copies the task; the exec server loads programs.
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <exec/child.h>
#include <exec/execute.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <rpc/reply_port.h>
#include <runtime/kernel_call.h>
#include <runtime/thread.h>

#include "descriptor_table.h"
#include "errors.h"
#include "fork_context.h"
#include "process_state.h"
#include "signal_port.h"

namespace posix {
namespace {

constexpr int kMaxArguments = 1024;

mach::PortName proc_handle() { return process_state().init[exec::kProc]; }

// The last path component, for the kernel's and proc's name of a task.
const char* base_name(const char* path)
{
    const char* last = strrchr(path, '/');
    return last ? last + 1 : path;
}

template <size_t N> void copy_name(char (&to)[N], const char* name)
{
    size_t i = 0;
    for (; name[i] && i < N; i++)
        to[i] = name[i];
    for (; i < N; i++)
        to[i] = '\0';
}

Result<mach::PortName> new_task(const char* name, uint32_t flags)
{
    mach::TaskForkRequest request {};
    copy_name(request.name, name);
    request.flags = flags;
    mach::PortName task = mach::kNullName;
    TRY_STATUS(mach::kernel_call(
        process_state().self.task, mach::KernelCall::task_fork, &request, sizeof(request), nullptr, 0, &task));
    return task;
}

void terminate(mach::PortName task)
{
    mach::TaskTerminateRequest request { 0, 0 };
    (void)mach::kernel_call(task, mach::KernelCall::task_terminate, &request, sizeof(request), nullptr, 0);
    (void)mach::port_deallocate(process_state().self.task, task);
}

// The child's proc handle goes where the parent's is in the child's copy
// (the name its copy of init[kProc] holds), with as many user references.
Error give_handle(mach::PortName task, mach::PortName handle)
{
    mach::PortName name = proc_handle();
    mach::RightType type {};
    uint32_t references = 1;
    TRY_STATUS(mach::port_type(process_state().self.task, name, &type, &references));
    (void)mach::port_destroy(task, name);
    TRY_STATUS(mach::port_insert_right(task, name, handle, mach::Disposition::move_send));
    if (references > 1)
        TRY_STATUS(mach::port_mod_refs(task, name, mach::RightType::send, int32_t(references) - 1));
    return Error::none;
}

// What a forked child does first: learn its own ports (the names in its
// copied memory are its parent's), make its own reply and signal ports.
pid_t start_child()
{
    refresh_self_ports();
    rpc::reply_port_slot() = mach::kNullName; // the receive right stayed with the parent
    signals::after_fork();
    return 0;
}

Result<pid_t> fork_parent(ForkContext& context)
{
    if (proc_handle() == mach::kNullName)
        return Error::not_supported; // a program started without proc
    mach::PortName task = TRY(new_task("fork", mach::kForkMemory));
    proc::Child::Request request {};
    request.name.set("fork");
    proc::Child::Reply reply {};
    rpc::Rights<2> give; // no rendezvous: the child is who this process is
    rpc::Rights<1> got;
    give[proc::Child::kTask] = { task, mach::Disposition::copy_send };
    Error status = rpc::call<proc::Child>(proc_handle(), request, reply, give, &got);
    if (status == Error::none)
        status = give_handle(task, got[0].name);
    mach::ThreadCreateRequest thread {};
    thread.rip = reinterpret_cast<uint64_t>(&__portico_fork_child_entry);
    thread.rsp = (context.rsp - 256) & ~uint64_t(15); // only until the entry loads the saved one
    thread.argument = reinterpret_cast<uint64_t>(&context);
    thread.fs_base = runtime::this_thread_base(); // its block is in the copied memory
    mach::PortName thread_port = mach::kNullName;
    if (status == Error::none)
        status = mach::kernel_call(
            task, mach::KernelCall::thread_create, &thread, sizeof(thread), nullptr, 0, &thread_port);
    if (status != Error::none) {
        terminate(task); // proc sees it die: the child ends, its parent may reap it
        return status;
    }
    (void)mach::port_deallocate(process_state().self.task, thread_port);
    (void)mach::port_deallocate(process_state().self.task, task);
    return pid_t(reply.pid);
}

Error reexec(mach::PortName task, const char* name)
{
    proc::Reexec::Request request {};
    request.name.set(name);
    proc::Reexec::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { task, mach::Disposition::copy_send };
    return rpc::call<proc::Reexec>(proc_handle(), request, reply, give);
}

uint32_t count_strings(char* const* strings)
{
    uint32_t count = 0;
    while (strings && strings[count])
        count++;
    return count;
}

// exec: a new task with the open files, proc told that the process goes
// on there, the exec server loads the program; then this task ends. If
// the exec server refuses, the process comes back here.
Error execute(const char* path, char* const argv[], char* const envp[])
{
    static exec::Descriptors table; // 1 KiB
    descriptors::save_for_exec(table);
    ProcessState& state = process_state();
    mach::PortName task = TRY(new_task(base_name(path), 0));
    // new_task copied every send right under its name; the program keeps
    // only its open files and init ports.
    Error status = exec::share_descriptors(task, table);
    bool moved = false;
    if (status == Error::none && proc_handle() != mach::kNullName) {
        status = reexec(task, base_name(path));
        moved = status == Error::none;
    }
    exec::Command command { path, argv, count_strings(argv), envp, count_strings(envp), &table };
    if (status == Error::none)
        status = exec::execute(state.init[exec::kExecServer], task, command, state.init);
    if (status == Error::none)
        mach::task_exit(0); // the process goes on in the new task
    if (moved)
        (void)reexec(state.self.task, "exec-failed");
    terminate(task);
    return status;
}

} // namespace
} // namespace posix

using posix::fail;
using posix::fail_with;

extern "C" {

pid_t fork(void)
{
    ForkContext context {};
    if (__portico_fork_save(&context))
        return posix::start_child();
    Result<pid_t> child = posix::fork_parent(context);
    if (!child.ok())
        return child.error() == Error::not_supported ? fail_with(ENOSYS) : fail(child.error());
    return child.value();
}

int execve(const char* path, char* const argv[], char* const envp[])
{
    if (!path || !argv)
        return fail_with(EFAULT);
    Error status = posix::execute(path, argv, envp);
    return status == Error::invalid_argument ? fail_with(ENOEXEC) : fail(status); // not a program it can load
}

int execv(const char* path, char* const argv[]) { return execve(path, argv, environ); }

int execvp(const char* file, char* const argv[])
{
    if (!file || !*file)
        return fail_with(ENOENT);
    if (strchr(file, '/'))
        return execv(file, argv);
    const char* search = getenv("PATH");
    if (!search)
        search = "/bin";
    int failure = ENOENT;
    char path[posix::kMaxPath];
    for (const char* at = search;;) {
        const char* end = strchrnul(at, ':');
        size_t length = size_t(end - at);
        size_t name_length = strlen(file);
        if (length + name_length + 2 <= sizeof(path)) {
            memcpy(path, at, length);
            if (length == 0)
                path[length++] = '.';
            path[length] = '/';
            memcpy(path + length + 1, file, name_length + 1);
            (void)execv(path, argv);
            if (errno != ENOENT && errno != ENOTDIR)
                failure = errno; // found, but it would not run: say why
        }
        if (!*end)
            break;
        at = end + 1;
    }
    return fail_with(failure);
}

int execvpe(const char* file, char* const argv[], char* const envp[])
{
    char** saved = environ;
    environ = const_cast<char**>(envp);
    int status = execvp(file, argv);
    environ = saved;
    return status;
}

} // extern "C"

namespace posix {
namespace {

// The arguments of execl and friends, up to the null one, into `argv`; the
// word after the null one when `with_environment`.
int gather(const char* first, va_list arguments, char** argv, char*** envp)
{
    int count = 0;
    argv[count++] = const_cast<char*>(first);
    while (argv[count - 1] != nullptr) {
        if (count == kMaxArguments)
            return fail_with(E2BIG);
        argv[count++] = va_arg(arguments, char*);
    }
    if (envp)
        *envp = va_arg(arguments, char**);
    return 0;
}

} // namespace
} // namespace posix

extern "C" {

int execl(const char* path, const char* argument, ...)
{
    char* argv[posix::kMaxArguments];
    va_list arguments;
    va_start(arguments, argument);
    int gathered = posix::gather(argument, arguments, argv, nullptr);
    va_end(arguments);
    return gathered < 0 ? -1 : execv(path, argv);
}

int execlp(const char* file, const char* argument, ...)
{
    char* argv[posix::kMaxArguments];
    va_list arguments;
    va_start(arguments, argument);
    int gathered = posix::gather(argument, arguments, argv, nullptr);
    va_end(arguments);
    return gathered < 0 ? -1 : execvp(file, argv);
}

int execle(const char* path, const char* argument, ...)
{
    char* argv[posix::kMaxArguments];
    char** envp = nullptr;
    va_list arguments;
    va_start(arguments, argument);
    int gathered = posix::gather(argument, arguments, argv, &envp);
    va_end(arguments);
    return gathered < 0 ? -1 : execve(path, argv, envp);
}

pid_t waitpid(pid_t pid, int* status, int options)
{
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return fail_with(EINVAL);
    proc::Wait::Reply reply {};
    posix::signals::run_pending();
    Error waited = rpc::call<proc::Wait>(posix::proc_handle(), { pid, uint32_t(options & WNOHANG) }, reply);
    posix::signals::run_pending();
    if (waited != Error::none)
        return waited == Error::not_found ? fail_with(ECHILD) : fail(waited);
    if (status && reply.pid != 0)
        *status = reply.status;
    return reply.pid;
}

pid_t wait(int* status) { return waitpid(-1, status, 0); }

[[noreturn]] void _exit(int status)
{
    mach::PortName handle = posix::proc_handle();
    if (handle != mach::kNullName) {
        // A proc that does not answer must not keep the program from ending.
        constexpr uint64_t kTimeoutNs = 1'000'000'000;
        proc::Exit::Reply reply {};
        (void)rpc::call<proc::Exit>(handle, { status & 0xff, 0 }, reply, {}, nullptr, kTimeoutNs);
    }
    mach::task_exit(status & 0xff);
}

} // extern "C"

namespace posix {
namespace {

Result<proc::GetIds::Reply> ids()
{
    proc::GetIds::Reply reply {};
    TRY_STATUS(rpc::call<proc::GetIds>(proc_handle(), {}, reply));
    return reply;
}

} // namespace
} // namespace posix

extern "C" {

pid_t getpid(void)
{
    Result<proc::GetIds::Reply> got = posix::ids();
    return got.ok() ? got.value().pid : 1;
}

pid_t getppid(void)
{
    Result<proc::GetIds::Reply> got = posix::ids();
    return got.ok() ? got.value().parent : 0;
}

pid_t getpgrp(void)
{
    Result<proc::GetIds::Reply> got = posix::ids();
    return got.ok() ? got.value().group : 1;
}

pid_t getsid(pid_t)
{
    Result<proc::GetIds::Reply> got = posix::ids();
    return got.ok() ? got.value().session : fail(got.error());
}

pid_t getpgid(pid_t pid)
{
    proc::GetProcessGroup::Reply reply {};
    Error status = rpc::call<proc::GetProcessGroup>(posix::proc_handle(), { pid, 0 }, reply);
    return status == Error::none ? reply.group : status == Error::not_found ? fail_with(ESRCH) : fail(status);
}

int setpgid(pid_t pid, pid_t group)
{
    proc::SetProcessGroup::Reply reply {};
    Error status = rpc::call<proc::SetProcessGroup>(posix::proc_handle(), { pid, group }, reply);
    if (status == Error::none)
        return 0;
    return status == Error::not_found        ? fail_with(ESRCH)
        : status == Error::permission_denied ? fail_with(EPERM)
                                             : fail(status);
}

int setpgrp(void) { return setpgid(0, 0); }
pid_t setsid(void) { return fail_with(EPERM); } // FIXME(proc): sessions are made at login, not yet by programs

int kill(pid_t pid, int signal)
{
    proc::Kill::Reply reply {};
    Error status = rpc::call<proc::Kill>(posix::proc_handle(), { pid, signal }, reply);
    posix::signals::run_pending(); // one sent to ourselves runs now
    if (status == Error::none)
        return 0;
    return status == Error::not_found        ? fail_with(ESRCH)
        : status == Error::permission_denied ? fail_with(EPERM)
                                             : fail(status);
}

int raise(int signal) { return kill(getpid(), signal); }

} // extern "C"

extern "C" int system(const char* command)
{
    if (!command)
        return 1; // a shell is there
    pid_t child = fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        execl("/bin/sh", "sh", "-c", command, static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}
