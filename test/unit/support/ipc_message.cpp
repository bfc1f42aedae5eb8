// The parts of ipc_world.h that need no Catch2 (shared with the fuzzer).
#include <support/ipc_world.h>

namespace test_support {

MallocBlocks& ipc_blocks()
{
    static MallocBlocks blocks;
    return blocks;
}

FakeOutOfLine& fake_out_of_line()
{
    static FakeOutOfLine memory;
    return memory;
}

void set_up_ipc_once()
{
    static bool done = false;
    if (done)
        return;
    static MallocPages pages;
    ipc::init(pages, ipc_blocks());
    done = true;
}

RecordingObserver& recording_observer()
{
    static RecordingObserver observer;
    return observer;
}

TestMessage& TestMessage::to(mach::PortName name, mach::Disposition disposition)
{
    header.destination = name;
    header.destination_disposition = disposition;
    return *this;
}

TestMessage& TestMessage::reply_to(mach::PortName name, mach::Disposition disposition)
{
    header.reply = name;
    header.reply_disposition = disposition;
    return *this;
}

TestMessage& TestMessage::with_id(uint32_t id)
{
    header.id = id;
    return *this;
}

TestMessage& TestMessage::with_port(mach::PortName name, mach::Disposition disposition)
{
    mach::Descriptor descriptor {};
    descriptor.port.type = mach::DescriptorType::port;
    descriptor.port.name = name;
    descriptor.port.disposition = disposition;
    descriptors.push_back(descriptor);
    return *this;
}

TestMessage& TestMessage::with_region(uint64_t address, uint32_t size, bool deallocate)
{
    mach::Descriptor descriptor {};
    descriptor.out_of_line.type = mach::DescriptorType::out_of_line;
    descriptor.out_of_line.address = address;
    descriptor.out_of_line.size = size;
    descriptor.out_of_line.deallocate = deallocate;
    descriptors.push_back(descriptor);
    return *this;
}

TestMessage& TestMessage::with_body(const void* data, size_t size)
{
    const uint8_t* bytes = static_cast<const uint8_t*>(data);
    body.assign(bytes, bytes + size);
    while (body.size() % 8)
        body.push_back(0);
    return *this;
}

std::vector<uint8_t> TestMessage::bytes() const
{
    std::vector<uint8_t> out(sizeof(header) + descriptors.size() * sizeof(mach::Descriptor) + body.size());
    mach::MessageHeader copy = header;
    copy.size = uint32_t(out.size());
    copy.descriptor_count = uint16_t(descriptors.size());
    std::memcpy(out.data(), &copy, sizeof(copy));
    if (!descriptors.empty())
        std::memcpy(out.data() + sizeof(copy), descriptors.data(), descriptors.size() * sizeof(mach::Descriptor));
    if (!body.empty())
        std::memcpy(
            out.data() + sizeof(copy) + descriptors.size() * sizeof(mach::Descriptor), body.data(), body.size());
    return out;
}

TestMessage TestMessage::parse(const std::vector<uint8_t>& bytes)
{
    TestMessage message;
    std::memcpy(&message.header, bytes.data(), sizeof(message.header));
    message.descriptors.resize(message.header.descriptor_count);
    size_t offset = sizeof(message.header);
    if (!message.descriptors.empty())
        std::memcpy(
            message.descriptors.data(), bytes.data() + offset, message.descriptors.size() * sizeof(mach::Descriptor));
    offset += message.descriptors.size() * sizeof(mach::Descriptor);
    message.body.assign(bytes.begin() + offset, bytes.begin() + message.header.size);
    return message;
}

Error send_message(ipc::NameSpace& sender, const TestMessage& message)
{
    std::vector<uint8_t> bytes = message.bytes();
    Result<ipc::Message*> copied = ipc::copyin_message(sender, bytes.data(), uint32_t(bytes.size()));
    if (!copied.ok())
        return copied.error();
    Result<void> sent = ipc::send(copied.value());
    if (!sent.ok()) {
        ipc::Message::destroy(copied.value());
        return sent.error();
    }
    return Error::none;
}

Error receive_message(ipc::NameSpace& receiver, mach::PortName name, TestMessage& out, uint32_t buffer_size)
{
    Result<ipc::ReceiveSource> source = receiver.receive_source(name);
    if (!source.ok())
        return source.error();
    Result<ipc::Message*> taken = ipc::take_message(source.value(), buffer_size);
    if (!taken.ok())
        return taken.error();
    if (!taken.value())
        return Error::timed_out;
    std::vector<uint8_t> buffer(taken.value()->size());
    Result<void> copied = ipc::copyout_message(receiver, taken.value(), buffer.data());
    out = TestMessage::parse(buffer);
    return copied.ok() ? Error::none : copied.error();
}

} // namespace test_support
