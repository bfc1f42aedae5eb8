// showtrans NODE...: the passive translator of each node.
#include <mach/print.h>

#include <interfaces/fsys.h>
#include <rpc/client.h>

#include "../common/root.h"

int main(int argc, char** argv, char**)
{
    mach::PortName root = utils::root_directory();
    int failures = 0;
    for (int i = 1; i < argc; i++) {
        Result<mach::PortName> node = fs::client::open(root, root, argv[i], fs::kNoTranslator);
        fs::GetTranslator::Reply reply {};
        Error status = node.ok() ? rpc::call<fs::GetTranslator>(node.value(), {}, reply) : node.error();
        if (node.ok())
            fs::client::close(node.value());
        if (status == Error::none) {
            mach::Line() << argv[i] << ": " << reply.passive.c_str();
        } else {
            mach::Line() << argv[i] << ": " << error_name(status);
            failures++;
        }
    }
    return failures;
}
