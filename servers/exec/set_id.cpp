#include "set_id.h"

#include <auth/client.h>
#include <auth/server.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/fs.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace exec {
namespace {

// A client's ports may belong to anyone: no call on them waits longer.
constexpr uint64_t kClientTimeoutNs = 2'000'000'000;

// The ids the caller's auth handle speaks for, proven through auth (a
// fake handle cannot vouch in the real auth): exec vouches through the
// handle for a rendezvous port of its own, to itself, then verifies it.
Result<auth::Ids> caller_ids(const SetIdPower& power, mach::PortName handle)
{
    mach::PortName rendezvous = mach::kNullName;
    TRY_STATUS(mach::port_allocate(power.task, mach::RightType::receive, &rendezvous));
    rpc::Rights<2> give;
    give[auth::Vouch::kRendezvous] = { rendezvous, mach::Disposition::make_send };
    give[auth::Vouch::kServer] = { power.port, mach::Disposition::make_send };
    auth::Vouch::Reply vouched {};
    Error status = rpc::call<auth::Vouch>(handle, {}, vouched, give, nullptr, kClientTimeoutNs);
    if (status == Error::none)
        status = mach::port_insert_right(power.task, rendezvous, rendezvous, mach::Disposition::make_send);
    Result<auth::Ids> ids = status == Error::none ? auth::server::verify(power.auth, power.task,
                                { rendezvous, mach::Disposition::move_send }, power.port, 0, kClientTimeoutNs)
                                                  : Result<auth::Ids>(status);
    (void)mach::port_destroy(power.task, rendezvous);
    return ids;
}

// `path` opened from `root` by the file system of `root` alone: one
// lookup that ends there (no translator, no link to follow elsewhere).
Result<mach::PortName> open_on_trusted_file_system(mach::PortName root, const char* path)
{
    fs::Lookup::Request request {};
    request.flags = fs::kRead | fs::kExecute | fs::kNoTranslator;
    while (*path == '/')
        path++;
    if (!request.path.set(path))
        return Error::name_too_long;
    fs::Lookup::Reply reply {};
    rpc::Rights<1> got;
    TRY_STATUS(rpc::call<fs::Lookup>(root, request, reply, {}, &got));
    if (reply.result != fs::LookupResult::done) {
        fs::client::close(got[0].name);
        return Error::permission_denied;
    }
    return got[0].name;
}

// The caller's ids as the program's: the owner as effective and saved uid
// (set-user-id), the group as effective and saved gid (set-group-id).
auth::Ids new_ids(auth::Ids ids, const fs::Stat& stat)
{
    if (stat.mode & fs::kSetUid)
        ids.uid = ids.saved_uid = stat.uid;
    if (stat.mode & fs::kSetGid)
        ids.gid = ids.saved_gid = stat.gid;
    return ids;
}

// Tells proc the process is who `handle` is now.
Error reauthenticate_proc(mach::PortName proc_handle, mach::PortName handle)
{
    return auth::client::with_rendezvous(handle, proc_handle, [&](const rpc::Right& rendezvous) {
        rpc::Rights<1> give;
        give[0] = rendezvous;
        proc::Reauthenticate::Reply reply {};
        return rpc::call<proc::Reauthenticate>(proc_handle, {}, reply, give, nullptr, kClientTimeoutNs);
    });
}

// The program's file from the trusted root, opened as the caller; null
// (not an error) if it is not on the trusted file system.
Result<mach::PortName> trusted_file(const SetIdPower& power, const auth::Ids& caller, const char* path)
{
    mach::PortName handle = TRY(auth::client::make_handle(power.auth, caller));
    Result<mach::PortName> root = fs::client::reauthenticate(power.root, handle);
    rpc::release({ handle, mach::Disposition::move_send });
    if (!root.ok())
        return root.error();
    Result<mach::PortName> file = open_on_trusted_file_system(root.value(), path);
    fs::client::close(root.value());
    if (!file.ok())
        return file.error() == Error::name_too_long ? file.error() : Result<mach::PortName>(mach::kNullName);
    return file.value();
}

// The new identity's ports into `program` (made[] keeps them for release).
Error make_identity(const SetIdPower& power, const auth::Ids& ids, const InitPorts& caller, SetIdProgram& program)
{
    mach::PortName handle = TRY(auth::client::make_handle(power.auth, ids));
    program.made[0] = program.init[kAuth] = handle;
    program.made[1] = program.init[kRootDirectory] = TRY(fs::client::reauthenticate(power.root, handle));
    if (caller[kWorkingDirectory] != mach::kNullName)
        program.made[2] = program.init[kWorkingDirectory]
            = TRY(fs::client::reauthenticate(caller[kWorkingDirectory], handle, kClientTimeoutNs));
    if (caller[kProc] != mach::kNullName)
        TRY_STATUS(reauthenticate_proc(caller[kProc], handle));
    return Error::none;
}

} // namespace

Result<bool> prepare_set_id(
    const SetIdPower& power, const char* path, uint32_t mode, const InitPorts& caller, SetIdProgram& program)
{
    if (!(mode & (fs::kSetUid | fs::kSetGid)) || !power.held() || path[0] != '/' || caller[kAuth] == mach::kNullName)
        return false;
    auth::Ids ids = TRY(caller_ids(power, caller[kAuth]));
    mach::PortName file = TRY(trusted_file(power, ids, path));
    if (file == mach::kNullName)
        return false;
    Result<fs::Stat> stat = fs::client::stat(file);
    bool set_id = stat.ok() && fs::is_regular(stat.value().mode) && (stat.value().mode & (fs::kSetUid | fs::kSetGid));
    Result<uint8_t*> bytes = set_id ? fs::client::read_all(file, program.size) : Result<uint8_t*>(nullptr);
    fs::client::close(file);
    if (!stat.ok() || !bytes.ok())
        return !stat.ok() ? stat.error() : bytes.error();
    if (!set_id)
        return false;
    program.bytes = bytes.value();
    program.init = caller;
    Error made = make_identity(power, new_ids(ids, stat.value()), caller, program);
    if (made != Error::none) {
        release(program);
        return made;
    }
    return true;
}

void release(SetIdProgram& program)
{
    heap::free(program.bytes);
    program.bytes = nullptr;
    if (program.made[0] != mach::kNullName)
        rpc::release({ program.made[0], mach::Disposition::move_send });
    for (int i = 1; i < 3; i++)
        fs::client::close(program.made[i]);
    for (mach::PortName& name : program.made)
        name = mach::kNullName;
}

} // namespace exec
