// fsysopts NODE [OPTIONS...]: the options of the translator running on
// NODE; with OPTIONS, they replace them first (fsys SetOptions).
#include <stdio.h>

#include <freestanding/text.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

#include "../common/root.h"

namespace {

// The words joined by single spaces; false if they do not fit.
bool join(char *const *words, int count, rpc::Text<fsys::kMaxOptions> &out)
{
    size_t used = 0;
    for (int i = 0; i < count; i++) {
        size_t length = freestanding::text_length(words[i]);
        if (used + length + 1 > sizeof(out.chars))
            return false;
        if (i > 0)
            out.chars[used - 1] = ' ';
        __builtin_memcpy(out.chars + used, words[i], length + 1);
        used += length + 1;
    }
    return true;
}

} // namespace

int main(int argc, char **argv, char **)
{
    if (argc < 2) {
        fprintf(stderr, "usage: fsysopts NODE [OPTIONS...]\n");
        return 2;
    }
    utils::Directories directories = utils::directories();
    Result<mach::PortName> node = fs::client::open(directories.root, directories.cwd, argv[1], fs::kNoTranslator);
    rpc::Rights<1> control;
    fs::GetTranslatorControl::Reply found {};
    Error status
        = node.ok() ? rpc::call<fs::GetTranslatorControl>(node.value(), {}, found, {}, &control) : node.error();
    if (status == Error::none && argc > 2) {
        fsys::SetOptions::Request change {};
        fsys::SetOptions::Reply changed {};
        status = join(argv + 2, argc - 2, change.options)
            ? rpc::call<fsys::SetOptions>(control[0].name, change, changed)
            : Error::name_too_long;
    }
    fsys::GetOptions::Reply options {};
    if (status == Error::none)
        status = rpc::call<fsys::GetOptions>(control[0].name, {}, options);
    if (status == Error::none)
        printf("%s: %s\n", argv[1], options.options.c_str());
    else
        fprintf(stderr, "fsysopts: %s: %s\n", argv[1], error_name(status));
    return status == Error::none ? 0 : 1;
}
