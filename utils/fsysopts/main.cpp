// fsysopts NODE: the options of the translator running on NODE.
#include <mach/print.h>

#include <interfaces/fsys.h>
#include <rpc/client.h>

#include "../common/root.h"

int main(int argc, char** argv, char**)
{
    if (argc != 2) {
        mach::Line() << "usage: fsysopts NODE";
        return 2;
    }
    mach::PortName root = utils::root_directory();
    Result<mach::PortName> node = fs::client::open(root, root, argv[1], fs::kNoTranslator);
    rpc::Rights<1> control;
    fs::GetTranslatorControl::Reply found {};
    Error status = node.ok() ? rpc::call<fs::GetTranslatorControl>(node.value(), {}, found, {}, &control) : node.error();
    fsys::GetOptions::Reply options {};
    if (status == Error::none)
        status = rpc::call<fsys::GetOptions>(control[0].name, {}, options);
    if (status == Error::none)
        mach::Line() << argv[1] << ": " << options.options.c_str();
    else
        mach::Line() << argv[1] << ": " << error_name(status);
    return status == Error::none ? 0 : 1;
}
