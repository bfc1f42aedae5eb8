#include <arch/x86_64/cpu.h>
#include <boot/program_loader.h>
#include <debug/log.h>
#include <freestanding/elf_image.h>
#include <freestanding/initial_stack.h>
#include <freestanding/string.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_ports.h>
#include <vm/address_space.h>
#include <vm/heap.h>
#include <vm/layout.h>

namespace kern {
namespace {

constexpr size_t kCommandLineMax = 512;
constexpr size_t kStackImageMax = 8192; // argv, auxv and strings must fit here

vm::Protection protection_of(const freestanding::ElfSegment& segment)
{
    vm::Protection protection = vm::Protection::none;
    if (segment.readable)
        protection = protection | vm::Protection::read;
    if (segment.writable)
        protection = protection | vm::Protection::write;
    if (segment.executable)
        protection = protection | vm::Protection::execute;
    return protection;
}

Result<void> load_segments(vm::AddressSpace& space, const freestanding::ElfImage& image, const uint8_t* data)
{
    for (size_t i = 0; i < image.segment_count; ++i) {
        const freestanding::ElfSegment& segment = image.segments[i];
        uint64_t start = vm::align_down(segment.address, vm::kPageSize);
        uint64_t end = vm::align_up(segment.address + segment.memory_size, vm::kPageSize);
        TRY(space.allocate(start, end - start, protection_of(segment), false));
        // Anonymous memory is zero-filled: only the file bytes need copying.
        TRY(space.write(segment.address, data + segment.file_offset, segment.file_size));
    }
    return {};
}

// Not secret: the TSC at load time. FIXME: use RDRAND or an entropy pool.
void fill_random(uint8_t (&bytes)[16])
{
    uint64_t words[2] = { arch::read_tsc() * 0x9e3779b97f4a7c15ull, arch::read_tsc() ^ 0xd1b54a32d192ed03ull };
    memcpy(bytes, words, sizeof(bytes));
}

Result<uint64_t> build_stack(
    vm::AddressSpace& space, const freestanding::ElfImage& image, const char* const* argv, size_t argc)
{
    TRY(space.allocate(kUserStackTop - kUserStackSize, kUserStackSize, vm::Protection::read_write, false));
    TRY(space.allocate(mach::kUserStackLimit, mach::kUserStackGuardSize, vm::Protection::none, false));
    uint8_t* buffer = static_cast<uint8_t*>(TRY(heap_allocate(kStackImageMax)));
    freestanding::InitialStackInput input { argv, argc, nullptr, 0, &image, {} };
    fill_random(input.random);
    Result<freestanding::InitialStack> stack
        = freestanding::build_initial_stack(input, buffer, kStackImageMax, kUserStackTop);
    Result<void> written = stack.ok() ? space.write(kUserStackTop - stack.value().size,
                               buffer + kStackImageMax - stack.value().size, stack.value().size)
                                      : Result<void>(stack.error());
    heap_free(buffer);
    TRY(written);
    return stack.value().rsp;
}

Result<Thread*> load_and_start(
    Task& task, const freestanding::ElfImage& image, const uint8_t* data, const char* const* argv, size_t argc)
{
    TRY(load_segments(task.address_space(), image, data));
    uint64_t rsp = TRY(build_stack(task.address_space(), image, argv, argc));
    return Thread::create_user(task, image.entry, rsp, kDefaultPriority);
}

Result<Task*> load_into_new_task(
    const freestanding::ElfImage& image, const uint8_t* data, const char* const* argv, size_t argc, BootRights* rights)
{
    Task* task = TRY(Task::create(argv[0]));
    Result<void> given = rights ? rights->give(*task) : Result<void>();
    Result<Thread*> thread
        = given.ok() ? load_and_start(*task, image, data, argv, argc) : Result<Thread*>(given.error());
    if (!thread.ok()) {
        Task::destroy_unstarted(task);
        return thread.error();
    }
    return task;
}

// The first word of `command_line` equals `name` (which ends at a comma or NUL).
bool module_is_named(const char* command_line, const char* name, size_t name_length)
{
    if (!command_line || strncmp(command_line, name, name_length) != 0)
        return false;
    return command_line[name_length] == '\0' || command_line[name_length] == ' ';
}

} // namespace

namespace {

// The start message of a bootstrap port that has no init ports to give
// (mach::kStartMessageId): a program reads its first message as that.
void queue_start_message(ipc::Port& port)
{
    Result<ipc::Message*> created = ipc::Message::create(sizeof(mach::MessageHeader));
    if (!created.ok())
        return; // the program finds no message: the same as none to give
    ipc::Message* message = created.value();
    message->header().id = mach::kStartMessageId;
    port.make_send_right();
    message->destination() = ipc::CarriedRight::send(port);
    if (!ipc::send(message).ok())
        ipc::Message::destroy(message);
}

} // namespace

Result<void> BootRights::give(Task& task)
{
    arch::InterruptsOff off;
    ipc::NameSpace& space = task.name_space();
    if (!m_bootstrap) {
        // The first task receives on the bootstrap port and holds the device port.
        TRY(space.reserve(2));
        ipc::Port* port = TRY(ipc::Port::create());
        m_bootstrap = port;
        queue_start_message(*port);
        task.bootstrap_name = TRY(space.put_right(ipc::CarriedRight::receive(*port)));
        task.device_name = TRY(give_send_right(device_port(), space));
        return {};
    }
    if (m_bootstrap->dead())
        return {};
    task.bootstrap_name = TRY(give_send_right(*m_bootstrap, space));
    return {};
}

Result<Task*> start_program(const uint8_t* data, size_t size, const char* command_line, BootRights* rights)
{
    char storage[kCommandLineMax];
    const char* argv[freestanding::kMaxInitialArgs];
    Result<size_t> argc = freestanding::split_arguments(command_line, storage, sizeof(storage), argv);
    if (!argc.ok() || argc.value() == 0) {
        log("exec", "refused '%s': unusable command line", command_line ? command_line : "");
        return Error::invalid_argument;
    }
    Result<freestanding::ElfImage> image = freestanding::parse_elf(data, size, vm::kUserBottom, mach::kUserStackLimit);
    if (!image.ok()) {
        log("exec", "refused %s: not a usable static x86-64 executable (%s)", argv[0], error_name(image.error()));
        return image.error();
    }
    Result<Task*> task = load_into_new_task(image.value(), data, argv, argc.value(), rights);
    if (!task.ok())
        log("exec", "could not start %s: %s", argv[0], error_name(task.error()));
    else
        log("exec", "started %s (entry %#lx)", argv[0], image.value().entry);
    return task;
}

namespace {

const BootInfo* g_boot_info = nullptr; // for find_boot_module

} // namespace

const BootModule* find_boot_module(const char* name, size_t length)
{
    for (size_t i = 0; g_boot_info && i < g_boot_info->module_count; ++i) {
        if (module_is_named(g_boot_info->modules[i].cmdline, name, length))
            return &g_boot_info->modules[i];
    }
    return nullptr;
}

size_t start_boot_modules(const BootInfo& boot_info, const char* start_list)
{
    g_boot_info = &boot_info;
    BootRights rights;
    size_t started = 0;
    for (const char* name = start_list; name && *name;) {
        size_t length = 0;
        while (name[length] && name[length] != ',')
            ++length;
        const BootModule* module = length ? find_boot_module(name, length) : nullptr;
        if (module) {
            const uint8_t* data = reinterpret_cast<const uint8_t*>(vm::kDirectMapBase + module->start);
            if (start_program(data, module->end - module->start, module->cmdline, &rights).ok())
                ++started;
        } else if (length > 0) {
            log("exec", "start=: no boot module named %.*s", int(length), name);
        }
        name += length;
        if (*name == ',')
            ++name;
    }
    return started;
}

} // namespace kern
