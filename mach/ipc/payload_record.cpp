#include <ipc/memory.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>

namespace ipc {

Result<PayloadRecord*> PayloadRecord::create(Port& port, uint64_t payload)
{
    PayloadRecord* record = TRY(memory::cache<PayloadRecord>().create(port, payload));
    port.payload_record_created();
    memory::counters().payload_records++;
    return record;
}

void PayloadRecord::release_send_right()
{
    if (--m_send_rights != 0)
        return;
    Port& port = *m_port;
    uint64_t payload = m_payload;
    memory::cache<PayloadRecord>().destroy(this);
    memory::counters().payload_records--;
    port.payload_record_destroyed(payload);
}

} // namespace ipc
