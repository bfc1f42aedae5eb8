// mach_start: from the initial stack to main(argc, argv, envp), then task_exit.
#include <runtime/mach.h>

extern "C" int main(int argc, char** argv, char** envp);

// Told how the program ends, before its task does: lib/exec defines it
// (telling proc the exit status) in programs that took their init ports.
extern "C" __attribute__((weak)) void portico_before_exit(int status);

extern "C" [[noreturn]] void mach_start(uint64_t* stack)
{
    int argc = static_cast<int>(stack[0]);
    char** argv = reinterpret_cast<char**>(stack + 1);
    char** envp = argv + argc + 1;
    int status = main(argc, argv, envp);
    if (portico_before_exit)
        portico_before_exit(status);
    mach::task_exit(status);
}
