// tmpfs: a file system in memory (memory_nodes.h).
//   tmpfs [--archive=MODULE] [--size=SIZE] [--mode=OCTAL]
//   --archive=MODULE  fill it first from the boot module MODULE (archive.h)
//   --size=SIZE       the room it may use: bytes, with K, M or G, or a
//                     percentage of RAM ("25%"); half of RAM by default, as
//                     Linux's tmpfs. fsysopts NODE --size=SIZE changes it live.
//   --mode=OCTAL      its root's permissions (0755 by default; /tmp: 1777)
#include <exec/boot_module.h>
#include <freestanding/text.h>
#include <fs_server/translator.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>
#include <runtime/print.h>

#include "archive.h"
#include "memory_nodes.h"

namespace {

// The value of --NAME= (`prefix`), or null.
const char* option(int argc, char** argv, const char* prefix)
{
    size_t length = freestanding::text_length(prefix);
    for (int i = 1; i < argc; i++) {
        bool match = true;
        for (size_t j = 0; j < length && match; j++)
            match = argv[i][j] == prefix[j];
        if (match)
            return argv[i] + length;
    }
    return nullptr;
}

// The machine's memory in bytes (the host statistics), 0 if unknown.
uint64_t ram_bytes()
{
    mach::SelfPorts self {};
    mach::HostStatistics host {};
    if (mach::self_ports(&self) != Error::none
        || mach::kernel_call(self.host, mach::KernelCall::host_statistics, nullptr, 0, &host, sizeof(host))
            != Error::none)
        return 0;
    return host.total_frames * 4096;
}

// An octal mode ("1777"); invalid_argument past 07777 or for anything else.
Result<uint32_t> parse_mode(const char* text)
{
    uint32_t mode = 0;
    for (const char* at = text; *at; at++) {
        if (*at < '0' || *at > '7' || mode > 0777)
            return Error::invalid_argument;
        mode = mode * 8 + uint32_t(*at - '0');
    }
    return *text ? Result<uint32_t>(mode) : Result<uint32_t>(Error::invalid_argument);
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
    uint64_t ram = ram_bytes();
    const char* size_text = option(argc, argv, "--size=");
    Result<uint64_t> size = size_text ? tmpfs::parse_size(size_text, ram)
        : ram                         ? Result<uint64_t>(ram / 2)
                                      : Result<uint64_t>(tmpfs::Space::kUnlimited);
    const char* mode_text = option(argc, argv, "--mode=");
    Result<uint32_t> mode = mode_text ? parse_mode(mode_text) : Result<uint32_t>(0755u);
    if (!size.ok() || !mode.ok()) {
        mach::Line() << "tmpfs: bad option: " << error_name(!size.ok() ? size.error() : mode.error());
        return 2;
    }
    Result<fs::Node*> root = tmpfs::make_root(fs::Credentials { 0, 0 }, mode.value(), size.value(), ram);
    if (!root.ok())
        return 2;
    if (const char* archive = option(argc, argv, "--archive="))
        (void)fill_from_module(archive, *root.value()); // what did unpack stays, and tmpfs serves it
    return fs::run_translator(*root.value(), argc > 1 ? argv[1] : "");
}
