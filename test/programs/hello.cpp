// The first user program: greets and prints its arguments.
#include <runtime/print.h>

int main(int argc, char** argv, char**)
{
    mach::Line() << "hello from user mode";
    for (int i = 0; i < argc; ++i)
        mach::Line() << "argv[" << i << "] = " << argv[i];
    return 0;
}
