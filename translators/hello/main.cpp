// hello: a file that says hello (or the text given). The smallest
// translator: one node (greeting.h), and lib/fs_server does the rest.
//   settrans -a /tmp/h /hurd/hello ["text"]
#include <fs_server/translator.h>

#include "greeting.h"

int main(int argc, char** argv, char**)
{
    const char* text = argc > 1 ? argv[1] : "Hello, world!\n";
    Result<hello::Greeting*> node = heap::create<hello::Greeting>(text);
    if (!node.ok())
        return 2;
    return fs::run_translator(*node.value(), text);
}
