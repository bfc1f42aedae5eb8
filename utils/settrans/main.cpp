// settrans [-a] [-p] [-c] [-g] [-f] NODE [TRANSLATOR ARG...]
//   Sets NODE's passive translator (the default, or -p) and/or starts it
//   and attaches it now (-a). -c creates NODE if missing; -g makes the
//   running translator go away first (-f: even while files are open).
//   Without TRANSLATOR the translator is removed.
#include <exec/child.h>
#include <freestanding/text.h>
#include <fs_server/translator_start.h>
#include <heap/heap.h>
#include <stdio.h>

#include <interfaces/fsys.h>
#include <rpc/client.h>

#include "../common/root.h"

namespace {

constexpr uint64_t kStartTimeoutNs = 10'000'000'000ull;

struct Options {
    bool active = false, passive = false, create = false, go_away = false, force = false;
    const char *node = nullptr;
    char *const *translator = nullptr; // argv of the translator (null: remove)
    int translator_argc = 0;
};

bool parse(int argc, char **argv, Options &options)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        for (const char *flag = argv[i] + 1; *flag; flag++) {
            switch (*flag) {
            case 'a': options.active = true; break;
            case 'p': options.passive = true; break;
            case 'c': options.create = true; break;
            case 'g': options.go_away = true; break;
            case 'f': options.force = true; break;
            default: return false;
            }
        }
    }
    if (i == argc)
        return false;
    options.node = argv[i++];
    if (i < argc) {
        options.translator = argv + i;
        options.translator_argc = argc - i;
    }
    if (!options.active)
        options.passive = true;
    return true;
}

// Whether `word` must be quoted to stay one word of a command line.
bool needs_quotes(const char *word)
{
    if (!*word)
        return true;
    for (const char *c = word; *c; c++) {
        if (*c == ' ' || *c == '"' || *c == '\\')
            return true;
    }
    return false;
}

// Appends `c` at `at`, keeping room for the final NUL; false if it does not fit.
bool append(char c, rpc::Text<fs::kMaxPath> &out, size_t &at)
{
    if (at + 1 >= sizeof(out.chars))
        return false;
    out.chars[at++] = c;
    return true;
}

// The translator's command line: its words joined by spaces, a word with
// spaces or quotes in double quotes (as the file system splits it again:
// freestanding::split_arguments).
bool join(const Options &options, rpc::Text<fs::kMaxPath> &out)
{
    size_t at = 0;
    bool fits = true;
    for (int i = 0; fits && i < options.translator_argc; i++) {
        const char *word = options.translator[i];
        bool quote = needs_quotes(word);
        if (i > 0)
            fits = append(' ', out, at);
        if (quote)
            fits = fits && append('"', out, at);
        for (const char *c = word; fits && *c; c++) {
            if (quote && (*c == '"' || *c == '\\'))
                fits = append('\\', out, at);
            fits = fits && append(*c, out, at);
        }
        if (quote)
            fits = fits && append('"', out, at);
    }
    out.chars[at] = '\0';
    return fits;
}

// The translator's open files: none to read, and settrans's own standard
// output and error, so what it says goes to the user who started it (not
// to the kernel log, where a file system's passive translators write).
void give_standard_output(exec::Descriptors &files)
{
    files.count = 3;
    files.names[0] = mach::kNullName;
    files.names[1] = portico_fd_port(1);
    files.names[2] = portico_fd_port(2);
}

Error go_away(mach::PortName node, bool force)
{
    rpc::Rights<1> control;
    fs::GetTranslatorControl::Reply found {};
    Error status = rpc::call<fs::GetTranslatorControl>(node, {}, found, {}, &control);
    if (status == Error::not_found)
        return Error::none; // nothing runs there
    TRY_STATUS(status);
    fsys::GoAway::Reply gone {};
    status = rpc::call<fsys::GoAway>(control[0].name, { force ? 1u : 0u, 0 }, gone);
    rpc::release(control[0]);
    return status;
}

Error set(const utils::Directories &directories, mach::PortName node, const Options &options)
{
    fs::SetTranslator::Request request {};
    if (!join(options, request.passive))
        return Error::name_too_long;
    if (options.go_away)
        TRY_STATUS(go_away(node, options.force));
    rpc::Rights<1> give;
    if (options.active) {
        request.flags |= fs::kSetActive;
        if (options.translator) {
            size_t size = 0;
            uint8_t *image = TRY(fs::client::read_file(directories.root, directories.cwd, options.translator[0], size));
            exec::Program program { image, size, options.translator, size_t(options.translator_argc), nullptr, 0 };
            // It runs as whoever runs settrans, with this process's own
            // directories and auth handle (a file system never lends it
            // its own), and as this process's child: ps lists it and kill
            // reaches it; when settrans ends, it goes to pid 1.
            exec::InitPorts init;
            init[exec::kRootDirectory] = directories.root;
            init[exec::kWorkingDirectory] = directories.cwd;
            init[exec::kAuth] = portico_init_port(PORTICO_AUTH);
            init[exec::kProc] = portico_init_port(PORTICO_PROC);
            static exec::Descriptors files; // 1 KiB: not on the stack
            give_standard_output(files);
            Result<mach::PortName> control = fs::start_translator(program, kStartTimeoutNs, init, nullptr, &files);
            heap::free(image);
            give[0] = { TRY(static_cast<Result<mach::PortName> &&>(control)), mach::Disposition::move_send };
        }
    }
    if (options.passive)
        request.flags |= fs::kSetPassive;
    fs::SetTranslator::Reply reply {};
    return rpc::call<fs::SetTranslator>(node, request, reply, give);
}

} // namespace

int main(int argc, char **argv, char **)
{
    Options options;
    if (!parse(argc, argv, options)) {
        fprintf(stderr, "usage: settrans [-a] [-p] [-c] [-g] [-f] NODE [TRANSLATOR ARG...]\n");
        return 2;
    }
    utils::Directories directories = utils::directories();
    uint32_t flags = fs::kNoTranslator;
    if (options.create)
        flags |= fs::kCreate;
    Result<mach::PortName> node = fs::client::open(directories.root, directories.cwd, options.node, flags, 0644);
    Error status = node.ok() ? set(directories, node.value(), options) : node.error();
    if (node.ok())
        fs::client::close(node.value());
    if (status != Error::none)
        fprintf(stderr, "settrans: %s: %s\n", options.node, error_name(status));
    return status == Error::none ? 0 : 1;
}
