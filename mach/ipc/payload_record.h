// PayloadRecord: the kernel's record of a send right minted with a payload
// (port_make_send_with_payload). Every message sent through such a right
// carries the payload, so a server learns which of its objects (an open
// file: a "peropen") was addressed without a table lookup. Copies of the
// right share the record. When its last send right dies the record goes
// away and the port's payload-notify right is told the payload
// (payload_no_senders): the server frees its object.
//
// Ownership: a record holds one reference on its port and is freed when
// its send-right count drops to zero.
#pragma once

#include <base/result.h>
#include <stdint.h>

namespace ipc {

class Port;

class PayloadRecord {
public:
    static constexpr const char* kCacheName = "ipc.payload";

    // A new record with one send right to `port` carrying `payload` (nonzero).
    static Result<PayloadRecord*> create(Port& port, uint64_t payload);

    PayloadRecord(Port& port, uint64_t payload)
        : m_port(&port)
        , m_payload(payload)
    {
    }
    PayloadRecord(const PayloadRecord&) = delete;
    PayloadRecord& operator=(const PayloadRecord&) = delete;

    Port& port() const { return *m_port; }
    uint64_t payload() const { return m_payload; }
    uint32_t send_rights() const { return m_send_rights; }

    // One more send right sharing this record.
    void copy_send_right() { m_send_rights++; }
    // Drops one send right; the last frees the record (and notifies).
    void release_send_right();

private:
    Port* m_port;
    uint64_t m_payload;
    uint32_t m_send_rights = 1;
};

} // namespace ipc
