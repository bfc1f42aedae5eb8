// mach_start: from the initial stack to main(argc, argv, envp), then task_exit.
#include <mach/mach.h>

extern "C" int main(int argc, char** argv, char** envp);

extern "C" [[noreturn]] void mach_start(uint64_t* stack)
{
    int argc = static_cast<int>(stack[0]);
    char** argv = reinterpret_cast<char**>(stack + 1);
    char** envp = argv + argc + 1;
    mach::task_exit(main(argc, argv, envp));
}
