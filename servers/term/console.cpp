#include "console.h"

#include <interfaces/proc.h>
#include <rpc/client.h>

namespace term {

using Interface = rpc::Interface<GetAttributes, SetAttributes, GetWindowSize, SetWindowSize, GetForegroundGroup,
    SetForegroundGroup, Flush>;

void Console::typed(uint8_t byte) { m_line.input(byte, *this); }

Error Console::read(uint64_t, uint8_t* out, uint32_t& amount)
{
    if (!m_line.readable())
        return Error::would_block;
    amount = uint32_t(m_line.read(out, amount));
    return Error::none;
}

Error Console::write(uint64_t, const uint8_t* data, uint32_t amount)
{
    m_line.write(data, amount, *this);
    return Error::none;
}

uint32_t Console::readiness() const { return io::kWritable | (m_line.readable() ? io::kReadable : 0u); }

bool Console::serve_device(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    return Interface::dispatch(*this, request, reply);
}

void Console::signal(int32_t number)
{
    if (m_foreground <= 0 || m_proc == mach::kNullName)
        return; // nobody asked for the terminal's signals yet
    // proc answers at once; a proc that does not must not freeze the console.
    constexpr uint64_t kTimeoutNs = 1'000'000'000;
    proc::Kill::Reply reply {};
    (void)rpc::call<proc::Kill>(m_proc, { -m_foreground, number }, reply, {}, nullptr, kTimeoutNs);
}

Error Console::serve(GetAttributes, const rpc::Incoming<GetAttributes>&, rpc::Outgoing<GetAttributes>& out)
{
    out.body.attributes = m_line.attributes();
    return Error::none;
}

Error Console::serve(SetAttributes, const rpc::Incoming<SetAttributes>& in, rpc::Outgoing<SetAttributes>&)
{
    if (uint32_t(in.body.when) > uint32_t(When::after_output_flush_input))
        return Error::invalid_argument;
    // Output is written before Write answers: "after output" is now.
    if (in.body.when == When::after_output_flush_input)
        m_line.flush_input();
    m_line.set_attributes(in.body.attributes);
    changed(); // raw mode may make waiting reads ready
    return Error::none;
}

Error Console::serve(GetWindowSize, const rpc::Incoming<GetWindowSize>&, rpc::Outgoing<GetWindowSize>& out)
{
    out.body.size = m_size;
    return Error::none;
}

Error Console::serve(SetWindowSize, const rpc::Incoming<SetWindowSize>& in, rpc::Outgoing<SetWindowSize>&)
{
    m_size = in.body.size;
    return Error::none;
}

Error Console::serve(
    GetForegroundGroup, const rpc::Incoming<GetForegroundGroup>&, rpc::Outgoing<GetForegroundGroup>& out)
{
    out.body.group = m_foreground;
    return Error::none;
}

Error Console::serve(
    SetForegroundGroup, const rpc::Incoming<SetForegroundGroup>& in, rpc::Outgoing<SetForegroundGroup>&)
{
    if (in.body.group <= 0)
        return Error::invalid_argument;
    m_foreground = in.body.group;
    return Error::none;
}

Error Console::serve(Flush, const rpc::Incoming<Flush>& in, rpc::Outgoing<Flush>&)
{
    if (in.body.input)
        m_line.flush_input();
    return Error::none;
}

} // namespace term
