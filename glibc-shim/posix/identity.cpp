// The user and group ids: getuid ... setgroups. They are what the
// process's auth handle speaks for (lib/interfaces/auth.h), asked of auth
// each time. Changing them makes a new handle through the old one (auth
// decides what is allowed: root anything, others only ids they hold) and
// reauthenticates the ports that carry the process's identity: the root
// and working directories and the proc handle. Open descriptors keep
// their opener's rights, as on Unix.
#include <errno.h>
#include <grp.h>
#include <unistd.h>

#include <auth/client.h>
#include <fs_client/client.h>
#include <interfaces/auth.h>
#include <interfaces/proc.h>
#include <rpc/client.h>

#include "errors.h"
#include "process_state.h"

namespace posix {
namespace {

// What a program started without an auth handle is: an id nobody holds.
constexpr uint32_t kNobody = 65534;

Result<auth::Ids> current_ids()
{
    mach::PortName handle = process_state().init[exec::kAuth];
    if (handle == mach::kNullName)
        return Error::not_supported;
    auth::GetIds::Reply reply {};
    TRY_STATUS(rpc::call<auth::GetIds>(handle, {}, reply));
    return reply.ids;
}

// Tells proc who the process is now (proc Reauthenticate).
Error reauthenticate_proc(mach::PortName proc_handle, mach::PortName auth_handle)
{
    return auth::client::with_rendezvous(auth_handle, proc_handle, [&](const rpc::Right& rendezvous) {
        rpc::Rights<1> give;
        give[0] = rendezvous;
        proc::Reauthenticate::Reply reply {};
        return rpc::call<proc::Reauthenticate>(proc_handle, {}, reply, give);
    });
}

// The init ports that carry the identity, reauthenticated for `handle`.
struct Reauthenticated {
    mach::PortName root = mach::kNullName;
    mach::PortName cwd = mach::kNullName;
};

void release(Reauthenticated& ports)
{
    if (ports.root != mach::kNullName)
        fs::client::close(ports.root);
    if (ports.cwd != mach::kNullName)
        fs::client::close(ports.cwd);
}

Result<Reauthenticated> reauthenticate_directories(const exec::InitPorts& init, mach::PortName handle)
{
    Reauthenticated made;
    if (init[exec::kRootDirectory] != mach::kNullName) {
        Result<mach::PortName> root = fs::client::reauthenticate(init[exec::kRootDirectory], handle);
        if (!root.ok())
            return root.error();
        made.root = root.value();
    }
    if (init[exec::kWorkingDirectory] != mach::kNullName) {
        Result<mach::PortName> cwd = fs::client::reauthenticate(init[exec::kWorkingDirectory], handle);
        if (!cwd.ok()) {
            release(made);
            return cwd.error();
        }
        made.cwd = cwd.value();
    }
    return made;
}

// The process becomes `wanted`: a new handle, the directories and proc
// told. All or nothing: on an error the process is who it was.
Error become(const auth::Ids& wanted)
{
    exec::InitPorts& init = process_state().init;
    if (init[exec::kAuth] == mach::kNullName)
        return Error::not_supported;
    mach::PortName handle = TRY(auth::client::make_handle(init[exec::kAuth], wanted));
    Result<Reauthenticated> directories = reauthenticate_directories(init, handle);
    Error status = directories.ok() ? Error::none : directories.error();
    if (status == Error::none && init[exec::kProc] != mach::kNullName)
        status = reauthenticate_proc(init[exec::kProc], handle);
    if (status != Error::none) {
        if (directories.ok())
            release(directories.value());
        rpc::release({ handle, mach::Disposition::move_send });
        return status;
    }
    rpc::release({ init[exec::kAuth], mach::Disposition::move_send });
    init[exec::kAuth] = handle;
    if (init[exec::kRootDirectory] != mach::kNullName)
        fs::client::close(init[exec::kRootDirectory]);
    init[exec::kRootDirectory] = directories.value().root;
    if (init[exec::kWorkingDirectory] != mach::kNullName)
        fs::client::close(init[exec::kWorkingDirectory]);
    init[exec::kWorkingDirectory] = directories.value().cwd;
    return Error::none;
}

// become() for a public function: 0, or -1 with EPERM (auth refused) or
// another errno.
int become_or_fail(const auth::Ids& wanted)
{
    Error status = become(wanted);
    if (status == Error::none)
        return 0;
    return status == Error::permission_denied ? fail_with(EPERM) : fail(status);
}

// Runs change(ids) on the current ids and becomes the result; -1 and
// errno if the ids cannot be read or the change is refused.
template <typename Change> int change_ids(Change change)
{
    Result<auth::Ids> ids = current_ids();
    if (!ids.ok())
        return fail(ids.error());
    auth::Ids wanted = ids.value();
    if (!change(wanted))
        return fail_with(EPERM);
    return become_or_fail(wanted);
}

constexpr uint32_t kUnchanged = 0xffffffffu; // (uid_t)-1: setreuid's "leave it"

} // namespace
} // namespace posix

using posix::fail_with;

extern "C" {

uid_t getuid(void)
{
    Result<auth::Ids> ids = posix::current_ids();
    return ids.ok() ? ids.value().real_uid : posix::kNobody;
}

uid_t geteuid(void)
{
    Result<auth::Ids> ids = posix::current_ids();
    return ids.ok() ? ids.value().uid : posix::kNobody;
}

gid_t getgid(void)
{
    Result<auth::Ids> ids = posix::current_ids();
    return ids.ok() ? ids.value().real_gid : posix::kNobody;
}

gid_t getegid(void)
{
    Result<auth::Ids> ids = posix::current_ids();
    return ids.ok() ? ids.value().gid : posix::kNobody;
}

// The supplementary groups (the effective gid is not added to them).
int getgroups(int count, gid_t groups[])
{
    Result<auth::Ids> ids = posix::current_ids();
    if (!ids.ok())
        return posix::fail(ids.error());
    int have = int(ids.value().group_count);
    if (count == 0)
        return have;
    if (count < have || !groups)
        return fail_with(EINVAL);
    for (int i = 0; i < have; i++)
        groups[i] = ids.value().groups[i];
    return have;
}

int setgroups(size_t count, const gid_t* groups)
{
    if (count > auth::kMaxGroups || (count > 0 && !groups))
        return fail_with(EINVAL);
    return posix::change_ids([&](auth::Ids& ids) {
        ids.group_count = uint32_t(count);
        for (size_t i = 0; i < auth::kMaxGroups; i++)
            ids.groups[i] = i < count ? groups[i] : 0;
        return true;
    });
}

// POSIX: with privilege, all three uids; else the effective one, to the
// real or saved uid.
int setuid(uid_t uid)
{
    if (uid == posix::kUnchanged)
        return fail_with(EINVAL);
    return posix::change_ids([&](auth::Ids& ids) {
        if (ids.is_root()) {
            ids.uid = ids.real_uid = ids.saved_uid = uid;
            return true;
        }
        ids.uid = uid;
        return uid == ids.real_uid || uid == ids.saved_uid;
    });
}

int setgid(gid_t gid)
{
    if (gid == posix::kUnchanged)
        return fail_with(EINVAL);
    return posix::change_ids([&](auth::Ids& ids) {
        if (ids.is_root()) {
            ids.gid = ids.real_gid = ids.saved_gid = gid;
            return true;
        }
        ids.gid = gid;
        return gid == ids.real_gid || gid == ids.saved_gid;
    });
}

int seteuid(uid_t uid)
{
    if (uid == posix::kUnchanged)
        return fail_with(EINVAL);
    return posix::change_ids([&](auth::Ids& ids) {
        bool allowed = ids.is_root() || uid == ids.real_uid || uid == ids.saved_uid;
        ids.uid = uid;
        return allowed;
    });
}

int setegid(gid_t gid)
{
    if (gid == posix::kUnchanged)
        return fail_with(EINVAL);
    return posix::change_ids([&](auth::Ids& ids) {
        bool allowed = ids.is_root() || gid == ids.real_gid || gid == ids.saved_gid;
        ids.gid = gid;
        return allowed;
    });
}

// setreuid: -1 leaves one alone. Unprivileged, the real uid may become the
// effective one, the effective one the real or saved one; the saved uid
// follows the effective one when the real one is set or the effective one
// becomes other than the old real uid (as Linux does).
int setreuid(uid_t real, uid_t effective)
{
    return posix::change_ids([&](auth::Ids& ids) {
        auth::Ids old = ids;
        bool root = old.is_root();
        if (real != posix::kUnchanged) {
            if (!root && real != old.real_uid && real != old.uid)
                return false;
            ids.real_uid = real;
        }
        if (effective != posix::kUnchanged) {
            if (!root && !old.holds_uid(effective))
                return false;
            ids.uid = effective;
        }
        if (real != posix::kUnchanged || (effective != posix::kUnchanged && effective != old.real_uid))
            ids.saved_uid = ids.uid;
        return true;
    });
}

int setregid(gid_t real, gid_t effective)
{
    return posix::change_ids([&](auth::Ids& ids) {
        auth::Ids old = ids;
        bool root = old.is_root();
        if (real != posix::kUnchanged) {
            if (!root && real != old.real_gid && real != old.gid)
                return false;
            ids.real_gid = real;
        }
        if (effective != posix::kUnchanged) {
            if (!root && effective != old.gid && effective != old.real_gid && effective != old.saved_gid)
                return false;
            ids.gid = effective;
        }
        if (real != posix::kUnchanged || (effective != posix::kUnchanged && effective != old.real_gid))
            ids.saved_gid = ids.gid;
        return true;
    });
}

} // extern "C"
