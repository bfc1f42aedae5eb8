// Task::fork: a new task made from another one (the kernel half of POSIX
// fork and of exec's "new task, same open files").
#include <arch/x86_64/cpu.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <mach/kernel_objects.h>
#include <vm/address_space.h>

namespace kern {

namespace {

// The child must not get the parent's own task and thread ports: holding
// them would let it control its parent. Everything else it may share.
bool is_not_control_port_of(const ipc::Port& port, const void* context)
{
    const Task* parent = static_cast<const Task*>(context);
    switch (port.kernel_object_type()) {
    case ipc::KernelObject::task: return port.kernel_object() != parent;
    case ipc::KernelObject::thread: return static_cast<const Thread*>(port.kernel_object())->task() != parent;
    default: return true;
    }
}

} // namespace

Result<Task*> Task::fork(const char* name, uint32_t flags)
{
    Task* child = TRY(Task::create(name, this, Lineage::forked));
    child->m_forked = true;
    Result<void> copied = copy_into(*child, flags);
    if (!copied.ok()) {
        destroy_unstarted(child);
        return copied.error();
    }
    return child;
}

Result<void> Task::copy_into(Task& child, uint32_t flags)
{
    arch::InterruptsOff off;
    if (flags & mach::kForkMemory)
        TRY(m_space->fork_into(child.address_space()));
    TRY(m_name_space->copy_send_rights_into(child.name_space(), is_not_control_port_of, this));
    // The names self_ports reports, where the child holds the same rights.
    if (child.name_space().type(bootstrap_name).ok())
        child.bootstrap_name = bootstrap_name;
    if (child.name_space().type(device_name).ok())
        child.device_name = device_name;
    return {};
}

} // namespace kern
