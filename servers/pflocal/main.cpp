// pflocal: anonymous pipes (pipe_maker.h), as a translator on /servers/pipe.
#include <fs_server/translator.h>

#include "pipe_maker.h"

int main(int, char**, char**)
{
    Result<pflocal::PipeMaker*> root = heap::create<pflocal::PipeMaker>();
    // One worker: nothing here waits on a client's port, and a poll after
    // a close must see the pipe's end closed (releases in arrival order).
    return root.ok() ? fs::run_translator(*root.value(), "", 1) : 2;
}
