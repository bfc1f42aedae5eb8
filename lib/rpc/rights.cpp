#include <rpc/rights.h>
#include <runtime/mach.h>

namespace rpc {
namespace {

constexpr uint64_t kPageSize = 4096;

mach::PortName self_task()
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    return self.task;
}

void release_name(mach::PortName task, mach::PortName name, mach::Disposition arrived)
{
    if (name == mach::kNullName || name == mach::kDeadName)
        return;
    if (arrived == mach::Disposition::move_receive)
        (void)mach::port_destroy(task, name);
    else
        (void)mach::port_deallocate(task, name);
}

} // namespace

void put_rights(mach::Descriptor* descriptors, const Right* rights, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        mach::PortDescriptor& port = descriptors[i].port;
        port = {};
        port.type = mach::DescriptorType::port;
        port.name = rights[i].name;
        port.disposition = rights[i].name == mach::kNullName ? mach::Disposition::none : rights[i].disposition;
    }
}

bool take_rights(const mach::MessageHeader& header, Right* rights, size_t count)
{
    if (header.descriptor_count != count)
        return false;
    const mach::Descriptor* descriptors = descriptors_of(header);
    for (size_t i = 0; i < count; i++) {
        if (descriptors[i].type != mach::DescriptorType::port)
            return false;
    }
    for (size_t i = 0; i < count; i++)
        rights[i] = { descriptors[i].port.name, descriptors[i].port.disposition };
    return true;
}

void release(const Right& right) { release_name(self_task(), right.name, right.disposition); }

void release_carried(mach::MessageHeader& header)
{
    mach::PortName task = self_task();
    release_name(task, header.reply, header.reply_disposition);
    header.reply = mach::kNullName;
    mach::Descriptor* descriptors = descriptors_of(header);
    for (uint16_t i = 0; i < header.descriptor_count; i++) {
        if (descriptors[i].type == mach::DescriptorType::port) {
            release_name(task, descriptors[i].port.name, descriptors[i].port.disposition);
        } else if (descriptors[i].type == mach::DescriptorType::out_of_line && descriptors[i].out_of_line.size
            && descriptors[i].out_of_line.address) { // 0: it could not be delivered (nothing to free)
            // The region arrived as whole pages.
            uint64_t start = descriptors[i].out_of_line.address & ~uint64_t(kPageSize - 1);
            uint64_t end = descriptors[i].out_of_line.address + descriptors[i].out_of_line.size;
            end = (end + kPageSize - 1) & ~uint64_t(kPageSize - 1);
            (void)mach::vm_deallocate(task, start, end - start);
        }
    }
    header.descriptor_count = 0;
}

} // namespace rpc
