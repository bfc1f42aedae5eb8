// chdir and getcwd. The working directory is an init port; its path is the
// library's own record (ProcessState::cwd), kept as chdir moves, and
// handed to the programs exec starts in PWD.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fs_client/client.h>

#include "errors.h"
#include "paths.h"
#include "process_state.h"

namespace posix {
namespace {

// Appends `path` to the absolute path `base` in place, resolving "." and
// ".." by name (a link followed on the way is not seen: FIXME(posix)).
// name_too_long (and `base` unchanged) when the result would not fit.
Result<void> join_path(char (&base)[kMaxPath], const char* path)
{
    char result[kMaxPath];
    size_t length = 0;
    if (path[0] != '/') {
        length = strlen(base);
        memcpy(result, base, length + 1);
    } else {
        result[0] = '\0';
    }
    for (const char* at = path; *at;) {
        while (*at == '/')
            at++;
        const char* end = strchrnul(at, '/');
        size_t part = size_t(end - at);
        if (part == 0 || (part == 1 && at[0] == '.')) {
            // nothing
        } else if (part == 2 && at[0] == '.' && at[1] == '.') {
            while (length > 0 && result[length - 1] != '/')
                length--;
            if (length > 0)
                length--; // the slash
        } else {
            if (length + 1 + part + 1 > kMaxPath)
                return Error::name_too_long;
            if (length == 0 || result[length - 1] != '/')
                result[length++] = '/';
            memcpy(result + length, at, part);
            length += part;
        }
        result[length] = '\0';
        at = end;
    }
    if (length == 0) {
        result[0] = '/';
        result[1] = '\0';
    }
    memcpy(base, result, kMaxPath);
    return {};
}

} // namespace

void take_working_directory_path()
{
    const char* pwd = getenv("PWD");
    if (pwd && pwd[0] == '/' && strlen(pwd) < kMaxPath)
        memcpy(process_state().cwd, pwd, strlen(pwd) + 1);
}

} // namespace posix

using posix::fail;

extern "C" {

int chdir(const char* path)
{
    Result<mach::PortName> directory = posix::open_path(path, fs::kExecute | fs::kDirectoryOnly);
    if (!directory.ok())
        return fail(directory.error());
    posix::ProcessState& state = posix::process_state();
    char cwd[posix::kMaxPath];
    memcpy(cwd, state.cwd, sizeof(cwd));
    if (Result<void> joined = posix::join_path(cwd, path); !joined.ok()) {
        fs::client::close(directory.value());
        return fail(joined.error());
    }
    mach::PortName old = state.init[exec::kWorkingDirectory];
    state.init[exec::kWorkingDirectory] = directory.value();
    if (old != mach::kNullName)
        fs::client::close(old); // one user reference: the root's, if it is the same right, stays
    memcpy(state.cwd, cwd, sizeof(cwd));
    // A program exec starts learns its directory's path from PWD (the
    // file systems cannot name it), so chdir keeps PWD true.
    (void)setenv("PWD", cwd, 1);
    return 0;
}

char* getcwd(char* buffer, size_t size)
{
    const char* cwd = posix::process_state().cwd;
    size_t length = strlen(cwd);
    if (!buffer) {
        size = size > length ? size : length + 1; // glibc's extension: allocate it
        buffer = static_cast<char*>(malloc(size));
        if (!buffer) {
            errno = ENOMEM;
            return nullptr;
        }
    }
    if (size == 0) {
        errno = EINVAL;
        return nullptr;
    }
    if (length + 1 > size) {
        errno = ERANGE;
        return nullptr;
    }
    memcpy(buffer, cwd, length + 1);
    return buffer;
}

char* get_current_dir_name(void) { return getcwd(nullptr, 0); }

} // extern "C"
