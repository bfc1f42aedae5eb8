// What a program may ask of the system: uname, gethostname, sysconf,
// pathconf, getpagesize, the password and group files (a minimal reading
// of /etc/passwd), and reboot (the kernel's host power call).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <auth/client.h>
#include <interfaces/proc.h>
#include <mach/kernel_objects.h>
#include <rpc/client.h>

#include "errors.h"
#include "process_state.h"

namespace {

void copy_field(char (&to)[_UTSNAME_LENGTH], const char* from)
{
    strncpy(to, from, sizeof(to) - 1);
    to[sizeof(to) - 1] = '\0';
}

// The first line of /etc/hostname, or "portico".
void host_name(char* out, size_t size)
{
    strncpy(out, "portico", size);
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd < 0)
        return;
    char line[_UTSNAME_LENGTH] = {};
    ssize_t got = read(fd, line, sizeof(line) - 1);
    (void)close(fd);
    if (got <= 0)
        return;
    line[strcspn(line, "\n")] = '\0';
    if (line[0])
        strncpy(out, line, size);
}

} // namespace

extern "C" {

int uname(struct utsname* out)
{
    memset(out, 0, sizeof(*out));
    copy_field(out->sysname, "Portico");
    host_name(out->nodename, sizeof(out->nodename) - 1);
    copy_field(out->release, "0.5");
    copy_field(out->version, "mach multiserver");
    copy_field(out->machine, "x86_64");
    return 0;
}

int gethostname(char* name, size_t size)
{
    char found[_UTSNAME_LENGTH] = {};
    host_name(found, sizeof(found) - 1);
    if (strlen(found) + 1 > size)
        return posix::fail_with(ENAMETOOLONG);
    memcpy(name, found, strlen(found) + 1);
    return 0;
}

long sysconf(int name)
{
    switch (name) {
    case _SC_PAGESIZE: return 4096;
    case _SC_CLK_TCK: return 100;
    case _SC_OPEN_MAX: return 256;
    case _SC_ARG_MAX: return 16 * 1024;
    case _SC_CHILD_MAX: return 1024;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN: return 1;
    case _SC_LINE_MAX: return 2048;
    case _SC_HOST_NAME_MAX: return 64;
    default: return posix::fail_with(EINVAL);
    }
}

long pathconf(const char*, int name)
{
    switch (name) {
    case _PC_NAME_MAX: return 255;
    case _PC_PATH_MAX: return 4096;
    case _PC_PIPE_BUF: return 8192;
    case _PC_LINK_MAX: return 65535;
    default: return posix::fail_with(EINVAL);
    }
}

long fpathconf(int, int name) { return pathconf(nullptr, name); }

int getpagesize(void) { return 4096; }

// proc does it for root (proc Shutdown), who proves it through auth.
int reboot(int how)
{
    proc::Shutdown::Request request {};
    unsigned int asked = unsigned(how); // glibc's magic numbers do not fit an int
    if (asked == RB_POWER_OFF || asked == RB_HALT_SYSTEM)
        request.action = mach::kPowerOff;
    else if (asked == RB_AUTOBOOT)
        request.action = mach::kReboot;
    else
        return posix::fail_with(EINVAL);
    const exec::InitPorts& init = posix::process_state().init;
    Error status
        = auth::client::with_rendezvous(init[exec::kAuth], init[exec::kProc], [&](const rpc::Right& rendezvous) {
              rpc::Rights<1> give;
              give[0] = rendezvous;
              proc::Shutdown::Reply reply {};
              return rpc::call<proc::Shutdown>(init[exec::kProc], request, reply, give);
          });
    return status == Error::permission_denied ? posix::fail_with(EPERM) : posix::fail(status);
}

} // extern "C"
