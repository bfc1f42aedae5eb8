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
//
// 16 bytes, as every open file has one: the port's address and the
// payload in 48 bits each (kernel addresses are canonical: the upper bits
// copy bit 47; payloads are at most mach::kMaxPayload), and the 32-bit
// send-right count split over the upper 16 bits of both words.
#pragma once

#include <freestanding/assert.h>
#include <freestanding/result.h>
#include <stdint.h>

namespace ipc {

class Port;

class PayloadRecord {
public:
    static constexpr const char* kCacheName = "ipc.payload";

    // A new record with one send right to `port` carrying `payload` (nonzero).
    static Result<PayloadRecord*> create(Port& port, uint64_t payload);

    PayloadRecord(Port& port, uint64_t payload)
        : m_port_bits(reinterpret_cast<uint64_t>(&port) & kLow48)
        , m_payload_bits(payload & kLow48)
    {
        set_send_rights(1);
    }
    PayloadRecord(const PayloadRecord&) = delete;
    PayloadRecord& operator=(const PayloadRecord&) = delete;

    Port& port() const { return *reinterpret_cast<Port*>(int64_t(m_port_bits << 16) >> 16); }
    uint64_t payload() const { return m_payload_bits & kLow48; }
    uint32_t send_rights() const { return uint32_t(m_port_bits >> 48) | uint32_t(m_payload_bits >> 48) << 16; }

    // One more send right sharing this record.
    void copy_send_right()
    {
        ASSERT(send_rights() != UINT32_MAX); // names and messages run out long before
        set_send_rights(send_rights() + 1);
    }
    // Drops one send right; the last frees the record (and notifies).
    void release_send_right();

private:
    static constexpr uint64_t kLow48 = (1ull << 48) - 1;

    void set_send_rights(uint32_t count)
    {
        m_port_bits = (m_port_bits & kLow48) | uint64_t(count & 0xffff) << 48;
        m_payload_bits = (m_payload_bits & kLow48) | uint64_t(count >> 16) << 48;
    }

    uint64_t m_port_bits; // the port's address (low 48 bits) | send rights (low 16 bits) << 48
    uint64_t m_payload_bits; // the payload | send rights (high 16 bits) << 48
};

static_assert(sizeof(PayloadRecord) == 16, "a payload record is 16 bytes: one per open file");

} // namespace ipc
