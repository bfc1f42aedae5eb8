// tmpfs: a file system in memory (memory_nodes.h).
//   tmpfs [--archive=MODULE]   fill it first from the boot module MODULE (archive.h)
#include <exec/boot_module.h>
#include <freestanding/text.h>
#include <fs_server/translator.h>
#include <runtime/print.h>

#include "archive.h"
#include "memory_nodes.h"

namespace {

constexpr char kArchiveOption[] = "--archive=";

// The value of --archive=, or null.
const char* archive_option(int argc, char** argv)
{
    for (int i = 1; i < argc; i++) {
        bool match = true;
        for (size_t j = 0; j + 1 < sizeof(kArchiveOption) && match; j++)
            match = argv[i][j] == kArchiveOption[j];
        if (match)
            return argv[i] + sizeof(kArchiveOption) - 1;
    }
    return nullptr;
}

// Unpacks the boot module `name` (a copy the kernel gives through the host port) under `root`.
Error fill_from_module(const char* name, fs::Node& root)
{
    exec::BootModule* module = TRY(exec::BootModule::map(name));
    uint64_t entries = 0;
    Error status = tmpfs::unpack_archive(module->bytes(), module->size(), root, &entries);
    exec::BootModule::unmap(module);
    mach::Line() << "unpacked " << entries << " entries from " << name << ": " << error_name(status);
    return status;
}

} // namespace

int main(int argc, char** argv, char**)
{
    Result<fs::Node*> root = tmpfs::make_root(fs::Credentials { 0, 0 }, 0755);
    if (!root.ok())
        return 2;
    if (const char* archive = archive_option(argc, argv))
        (void)fill_from_module(archive, *root.value()); // what did unpack stays, and tmpfs serves it
    return fs::run_translator(*root.value(), argc > 1 ? argv[1] : "");
}
