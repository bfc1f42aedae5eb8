#include <exec/boot_module.h>
#include <heap/heap.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace exec {

Result<BootModule*> BootModule::map(const char* name)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::BootModuleRequest request {};
    for (size_t i = 0; name[i] && i < sizeof(request.name); i++)
        request.name[i] = name[i];
    mach::BootModuleReply reply {};
    mach::PortName object = mach::kNullName;
    TRY_STATUS(mach::kernel_call(
        self.host, mach::KernelCall::host_boot_module, &request, sizeof(request), &reply, sizeof(reply), &object));
    uint64_t pages = (reply.size + 4095) & ~uint64_t(4095);
    uint64_t address = 0;
    Error status
        = pages ? mach::vm_map(self.task, &address, pages, object, 0, mach::kVmAnywhere, mach::kVmRead) : Error::none;
    (void)mach::port_deallocate(self.task, object); // the mapping keeps it
    TRY_STATUS(status);
    Result<BootModule*> module = heap::create<BootModule>();
    if (!module.ok()) {
        if (pages)
            (void)mach::vm_deallocate(self.task, address, pages);
        return module.error();
    }
    module.value()->m_bytes = reinterpret_cast<const uint8_t*>(address);
    module.value()->m_size = reply.size;
    module.value()->m_pages = pages;
    return module.value();
}

void BootModule::unmap(BootModule* module)
{
    if (!module)
        return;
    mach::SelfPorts self {};
    if (module->m_pages && mach::self_ports(&self) == Error::none)
        (void)mach::vm_deallocate(self.task, reinterpret_cast<uint64_t>(module->m_bytes), module->m_pages);
    heap::destroy(module);
}

} // namespace exec
