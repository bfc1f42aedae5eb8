// Shared memory objects as ports (memory_object_create, vm_map): the port
// stands for a vm::MemoryObject; when nobody holds it any more the port
// goes and the object loses the reference the port held (mappings keep
// their own).
#include <ipc/port.h>
#include <kobject/kernel_object_server.h>
#include <kobject/kernel_ports.h>
#include <vm/memory_object.h>

namespace kern {

Error serve_memory_object(ipc::Port& port, KernelRequest& request)
{
    if (request.id() != uint32_t(mach::NotificationKind::no_senders))
        return Error::not_supported;
    auto* object = static_cast<vm::MemoryObject*>(port.kernel_object());
    ipc::Port* doomed = &port;
    destroy_kernel_port(doomed);
    object->release();
    return Error::none;
}

} // namespace kern
