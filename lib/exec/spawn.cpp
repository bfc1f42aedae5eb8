#include <exec/spawn.h>
#include <freestanding/elf_image.h>
#include <freestanding/initial_stack.h>
#include <mach/user_layout.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace exec {
namespace {

constexpr uint64_t kPageSize = 4096;

uint64_t align_down(uint64_t value) { return value & ~(kPageSize - 1); }
uint64_t align_up(uint64_t value) { return (value + kPageSize - 1) & ~(kPageSize - 1); }

uint32_t protection_of(const freestanding::ElfSegment& segment)
{
    uint32_t protection = 0;
    if (segment.readable)
        protection |= mach::kVmRead;
    if (segment.writable)
        protection |= mach::kVmWrite;
    if (segment.executable)
        protection |= mach::kVmExecute;
    return protection;
}

// Gives `task` `size` bytes at `there` with `protection`, filled by
// fill(bytes) here first: a memory object this task fills, of which the
// task gets its own copy (kVmCopy: private memory, as fork expects).
template <typename Fill>
Error give_memory(
    mach::PortName self, mach::PortName task, uint64_t there, uint64_t size, uint32_t protection, Fill fill)
{
    mach::PortName object = mach::kNullName;
    TRY_STATUS(mach::memory_object_create(size, &object));
    uint64_t here = 0;
    Error status = mach::vm_map(self, &here, size, object, 0, mach::kVmAnywhere, mach::kVmRead | mach::kVmWrite);
    if (status == Error::none) {
        status = fill(reinterpret_cast<uint8_t*>(here));
        if (status == Error::none)
            status = mach::vm_map(task, &there, size, object, 0, mach::kVmCopy, protection);
        (void)mach::vm_deallocate(self, here, size);
    }
    (void)mach::port_deallocate(self, object); // the copy has what it needs
    return status;
}

Error load_segment(
    mach::PortName self, mach::PortName task, const Program& program, const freestanding::ElfSegment& segment)
{
    uint64_t start = align_down(segment.address);
    uint64_t size = align_up(segment.address + segment.memory_size) - start;
    return give_memory(self, task, start, size, protection_of(segment), [&](uint8_t* bytes) {
        // The object is zero-filled: only the file's bytes are copied.
        __builtin_memcpy(bytes + (segment.address - start), program.image + segment.file_offset, segment.file_size);
        return Error::none;
    });
}

Result<uint64_t> build_stack(
    mach::PortName self, mach::PortName task, const Program& program, const freestanding::ElfImage& image)
{
    freestanding::InitialStackInput input { program.argv, program.argc, program.envp, program.envc, &image, {} };
    uint64_t seed = 0;
    (void)mach::clock_monotonic(&seed); // FIXME(entropy): not secret
    for (int i = 0; i < 16; i++)
        input.random[i] = uint8_t((seed * 0x9e3779b97f4a7c15ull) >> (i * 4));
    uint64_t rsp = 0;
    // The guard page below the stack: reserved, no access.
    uint64_t guard = mach::kUserStackLimit;
    TRY_STATUS(mach::vm_allocate(task, &guard, mach::kUserStackGuardSize, 0));
    TRY_STATUS(mach::vm_protect(task, guard, mach::kUserStackGuardSize, 0));
    TRY_STATUS(give_memory(self, task, mach::kUserStackTop - mach::kUserStackSize, mach::kUserStackSize,
        mach::kVmRead | mach::kVmWrite, [&](uint8_t* bytes) {
            Result<freestanding::InitialStack> stack
                = freestanding::build_initial_stack(input, bytes, mach::kUserStackSize, mach::kUserStackTop);
            if (!stack.ok())
                return stack.error();
            rsp = stack.value().rsp;
            return Error::none;
        }));
    return rsp;
}

Error fill_task(mach::PortName self, mach::PortName task, const Program& program, mach::PortName bootstrap,
    mach::Disposition disposition)
{
    freestanding::ElfImage image
        = TRY(freestanding::parse_elf(program.image, program.size, mach::kUserBottom, mach::kUserStackLimit));
    for (size_t i = 0; i < image.segment_count; i++)
        TRY_STATUS(load_segment(self, task, program, image.segments[i]));
    uint64_t rsp = TRY(build_stack(self, task, program, image));
    if (bootstrap != mach::kNullName)
        TRY_STATUS(mach::kernel_call_giving(
            task, mach::KernelCall::task_set_bootstrap, bootstrap, disposition, nullptr, 0, nullptr, 0));
    mach::ThreadCreateRequest start { image.entry, rsp, 0, 0 };
    mach::PortName thread = mach::kNullName;
    TRY_STATUS(mach::kernel_call(task, mach::KernelCall::thread_create, &start, sizeof(start), nullptr, 0, &thread));
    (void)mach::port_deallocate(self, thread);
    return Error::none;
}

} // namespace

Result<mach::PortName> create_task(const char* name)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::TaskCreateRequest request {};
    for (size_t i = 0; name[i] && i < sizeof(request.name); i++)
        request.name[i] = name[i];
    mach::PortName task = mach::kNullName;
    TRY_STATUS(
        mach::kernel_call(self.task, mach::KernelCall::task_create, &request, sizeof(request), nullptr, 0, &task));
    return task;
}

Error load(mach::PortName task, const Program& program, mach::PortName bootstrap, mach::Disposition disposition)
{
    if (program.argc == 0)
        return Error::invalid_argument;
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    return fill_task(self.task, task, program, bootstrap, disposition);
}

Result<mach::PortName> spawn(const Program& program, mach::PortName bootstrap, mach::Disposition disposition)
{
    if (program.argc == 0)
        return Error::invalid_argument;
    mach::PortName task = TRY(create_task(program.argv[0]));
    Error status = load(task, program, bootstrap, disposition);
    if (status != Error::none) {
        // A task that never ran ends when its port has no senders.
        mach::SelfPorts self {};
        (void)mach::self_ports(&self);
        (void)mach::port_deallocate(self.task, task);
        return status;
    }
    return task;
}

Error wait_for_end(mach::PortName task, uint64_t timeout_ns)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::PortName watch = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &watch));
    mach::PortName previous = mach::kNullName;
    Error status = mach::port_request_notification(
        self.task, task, mach::NotificationKind::dead_name, watch, mach::Disposition::make_send_once, &previous);
    if (status == Error::none) {
        struct {
            mach::MessageHeader header;
            mach::NotificationBody body;
        } notification {};
        uint32_t options = mach::kReceive | (timeout_ns != mach::kWaitForever ? uint32_t(mach::kReceiveTimeout) : 0u);
        status = mach::msg(&notification.header, options, 0, sizeof(notification), watch, timeout_ns);
    }
    (void)mach::port_destroy(self.task, watch);
    return status;
}

} // namespace exec
