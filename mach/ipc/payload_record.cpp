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
    uint32_t left = send_rights() - 1;
    set_send_rights(left);
    if (left != 0)
        return;
    Port& port = this->port();
    uint64_t payload = this->payload();
    memory::cache<PayloadRecord>().destroy(this);
    memory::counters().payload_records--;
    port.payload_record_destroyed(payload);
}

} // namespace ipc
