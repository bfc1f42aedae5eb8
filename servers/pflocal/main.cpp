// pflocal: anonymous pipes (pipe_maker.h), as a translator on /servers/pipe.
#include <fs_server/translator.h>

#include "pipe_maker.h"

int main(int, char**, char**)
{
    Result<pflocal::PipeMaker*> root = heap::create<pflocal::PipeMaker>();
    return root.ok() ? fs::run_translator(*root.value(), "") : 2;
}
