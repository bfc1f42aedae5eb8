// __libc_start: from the initial stack to main, through the C library's
// own start: the process's ports and open files, its signal port, then
// main's return value to exit().
#include <portico.h>
#include <stdlib.h>

#include "descriptor_table.h"
#include "process_state.h"
#include "signal_port.h"

extern "C" int main(int argc, char** argv, char** envp);
extern "C" char** environ;

namespace posix {

ProcessState& process_state()
{
    static ProcessState state;
    return state;
}

void refresh_self_ports() { (void)mach::self_ports(&process_state().self); }

} // namespace posix

extern "C" unsigned int portico_init_port(int which)
{
    if (which < 0 || which >= int(exec::kInitPortCount))
        return 0;
    return posix::process_state().init.at[which];
}

extern "C" unsigned int portico_fd_port(int fd)
{
    const posix::descriptors::Entry* entry = posix::descriptors::find(fd);
    return entry ? entry->name : 0;
}

extern "C" [[noreturn]] void __libc_start(uint64_t* stack)
{
    int argc = static_cast<int>(stack[0]);
    char** argv = reinterpret_cast<char**>(stack + 1);
    char** envp = argv + argc + 1;
    environ = envp;
    posix::refresh_self_ports();
    static exec::Descriptors table; // 1 KiB: not on the start's stack
    posix::process_state().init = exec::receive_init_ports(&table);
    posix::descriptors::load(table);
    posix::take_working_directory_path();
    posix::signals::start();
    exit(main(argc, argv, envp));
}
