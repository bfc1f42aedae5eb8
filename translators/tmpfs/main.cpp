// tmpfs: a file system in memory (translators/tmpfs/memory_nodes.h).
#include <fs/translator.h>

#include "memory_nodes.h"

int main(int, char**, char**)
{
    Result<fs::Node*> root = tmpfs::make_root(fs::Credentials { 0, 0 }, 0755);
    if (!root.ok())
        return 2;
    return fs::run_translator(*root.value(), "");
}
