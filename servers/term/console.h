// The console: the node term serves on /dev/console. Every peropen of it
// shares one line discipline over the UART: reads wait (lib/fs_server parks them)
// until the discipline has input for them, writes go out at once, and the
// term interface (lib/interfaces/term.h) reads and sets its modes.
#pragma once

#include <fs_server/device_node.h>
#include <interfaces/term.h>
#include <rpc/server.h>

#include "line_discipline.h"
#include "uart.h"

namespace term {

class Console final : public fs::Node, public Sink {
public:
    explicit Console(Uart& uart)
        : m_uart(uart)
    {
        stat.mode = fs::kCharacterDevice | 0666;
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = 1;
    }

    // Where the keyboard's signals go: a right to proc (plain: pid 1's).
    void set_proc(mach::PortName proc) { m_proc = proc; }
    // A byte came from the keyboard (the UART's interrupt).
    void typed(uint8_t byte);
    // Parked reads may go on (after the bytes of one interrupt).
    void input_done() { changed(); }

    // ---- fs::Node ----
    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override;
    Error write(uint64_t offset, const uint8_t* data, uint32_t amount) override;
    uint32_t readiness() const override;
    bool serve_device(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;

    // ---- Sink ----
    void emit(const uint8_t* bytes, size_t count) override { m_uart.write(bytes, count); }
    void signal(int32_t number) override;

    // ---- the term interface ----
    Error serve(GetAttributes, const rpc::Incoming<GetAttributes>&, rpc::Outgoing<GetAttributes>&);
    Error serve(SetAttributes, const rpc::Incoming<SetAttributes>&, rpc::Outgoing<SetAttributes>&);
    Error serve(GetWindowSize, const rpc::Incoming<GetWindowSize>&, rpc::Outgoing<GetWindowSize>&);
    Error serve(SetWindowSize, const rpc::Incoming<SetWindowSize>&, rpc::Outgoing<SetWindowSize>&);
    Error serve(GetForegroundGroup, const rpc::Incoming<GetForegroundGroup>&, rpc::Outgoing<GetForegroundGroup>&);
    Error serve(SetForegroundGroup, const rpc::Incoming<SetForegroundGroup>&, rpc::Outgoing<SetForegroundGroup>&);
    Error serve(Flush, const rpc::Incoming<Flush>&, rpc::Outgoing<Flush>&);

private:
    void destroy() override { heap::destroy(this); }

    Uart& m_uart;
    mach::PortName m_proc = mach::kNullName;
    LineDiscipline m_line;
    WindowSize m_size { 24, 80, 0, 0 };
    int32_t m_foreground = 0; // the process group ^C goes to (0: none yet)
};

} // namespace term
