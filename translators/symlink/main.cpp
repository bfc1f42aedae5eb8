// symlink: a node that is a symbolic link to TARGET (link.h).
//   settrans -a /tmp/l /hurd/symlink TARGET
#include <fs_server/translator.h>
#include <interfaces/fs.h>
#include <runtime/print.h>

#include "link.h"

int main(int argc, char** argv, char**)
{
    if (argc != 2 || !argv[1][0] || freestanding::text_length(argv[1]) >= fs::kMaxPath) {
        mach::Line() << "usage: symlink TARGET";
        return 2;
    }
    Result<symbolic::Link*> node = heap::create<symbolic::Link>(argv[1]);
    return node.ok() ? fs::run_translator(*node.value(), argv[1]) : 2;
}
