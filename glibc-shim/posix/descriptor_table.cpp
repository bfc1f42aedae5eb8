#include "descriptor_table.h"

#include <errno.h>
#include <fcntl.h>
#include <runtime/mach.h>

#include "errors.h"
#include "process_state.h"

namespace posix::descriptors {
namespace {

Entry g_table[kMax];
bool g_started_without_files = true;

void drop(mach::PortName name) { (void)mach::port_deallocate(process_state().self.task, name); }

} // namespace

Entry* find(int fd)
{
    if (fd < 0 || fd >= kMax || g_table[fd].name == mach::kNullName)
        return nullptr;
    return &g_table[fd];
}

int install(mach::PortName name, int status_flags, int descriptor_flags, int lowest)
{
    for (int fd = lowest < 0 ? 0 : lowest; fd < kMax; fd++) {
        if (g_table[fd].name == mach::kNullName) {
            g_table[fd] = { name, descriptor_flags, status_flags };
            return fd;
        }
    }
    drop(name);
    return fail_with(EMFILE);
}

int close(int fd)
{
    Entry* entry = find(fd);
    if (!entry)
        return fail_with(EBADF);
    drop(entry->name);
    *entry = {};
    return 0;
}

bool started_without_files() { return g_started_without_files; }

void load(const exec::Descriptors& table)
{
    g_started_without_files = table.count == 0;
    for (uint32_t fd = 0; fd < table.count && fd < uint32_t(kMax); fd++)
        g_table[fd] = { table.names[fd], 0, O_RDWR };
}

void save_for_exec(exec::Descriptors& table)
{
    table.count = 0;
    for (int fd = 0; fd < kMax; fd++) {
        bool kept = g_table[fd].name != mach::kNullName && !(g_table[fd].descriptor_flags & FD_CLOEXEC);
        table.names[fd] = kept ? g_table[fd].name : mach::kNullName;
        if (kept)
            table.count = uint32_t(fd) + 1;
    }
}

} // namespace posix::descriptors
