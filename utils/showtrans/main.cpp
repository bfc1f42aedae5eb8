// showtrans NODE...: the passive translator of each node.
#include <stdio.h>

#include <interfaces/fsys.h>
#include <rpc/client.h>

#include "../common/root.h"

int main(int argc, char **argv, char **)
{
    utils::Directories directories = utils::directories();
    int failures = 0;
    for (int i = 1; i < argc; i++) {
        Result<mach::PortName> node = fs::client::open(directories.root, directories.cwd, argv[i], fs::kNoTranslator);
        fs::GetTranslator::Reply reply {};
        Error status = node.ok() ? rpc::call<fs::GetTranslator>(node.value(), {}, reply) : node.error();
        if (node.ok())
            fs::client::close(node.value());
        if (status == Error::none) {
            printf("%s: %s\n", argv[i], reply.passive.c_str());
        } else {
            fprintf(stderr, "showtrans: %s: %s\n", argv[i], error_name(status));
            failures++;
        }
    }
    return failures;
}
