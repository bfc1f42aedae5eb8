#include <fs_server/pipe.h>

namespace fs {

void Pipe::opened(uint32_t flags)
{
    if (flags & kRead) {
        m_readers++;
        m_reader_came = true;
    }
    if (flags & kWrite) {
        m_writers++;
        m_writer_came = true;
    }
    changed(); // a write (read) waiting for its first reader (writer) goes on
}

void Pipe::closed(uint32_t flags)
{
    if (flags & kRead)
        m_readers--;
    if (flags & kWrite)
        m_writers--;
    if (m_readers == 0 && m_writers == 0) {
        // Nobody has it open: what was left unread goes (POSIX), and it is new again.
        m_start = m_used = 0;
        m_reader_came = m_writer_came = false;
    }
    stat.size = m_used;
    changed(); // waiting readers find the end, waiting writers a broken pipe
}

Error Pipe::read(uint64_t, uint8_t* out, uint32_t& amount)
{
    if (amount == 0)
        return Error::none;
    if (m_used == 0) {
        if (m_writers == 0 && m_writer_came) {
            amount = 0; // the end: every writer has gone
            return Error::none;
        }
        return Error::would_block;
    }
    if (amount > m_used)
        amount = m_used;
    for (uint32_t i = 0; i < amount; i++)
        out[i] = m_buffer[(m_start + i) % kCapacity];
    m_start = (m_start + amount) % kCapacity;
    m_used -= amount;
    stat.size = m_used;
    changed(); // room for waiting writers
    return Error::none;
}

uint32_t Pipe::readiness() const
{
    bool at_end = m_writers == 0 && m_writer_came;
    bool broken = m_readers == 0 && m_reader_came;
    uint32_t ready = 0;
    if (m_used > 0 || at_end)
        ready |= io::kReadable;
    if (m_used < kCapacity || broken)
        ready |= io::kWritable;
    return ready;
}

Error Pipe::write(uint64_t, const uint8_t* data, uint32_t amount)
{
    if (m_readers == 0)
        return m_reader_came ? Error::broken_pipe : Error::would_block;
    if (amount > kCapacity)
        return Error::invalid_argument; // never fits whole (io::kMaxTransfer is the most a write carries)
    if (amount == 0)
        return Error::none;
    if (amount > kCapacity - m_used)
        return Error::would_block;
    for (uint32_t i = 0; i < amount; i++)
        m_buffer[(m_start + m_used + i) % kCapacity] = data[i];
    m_used += amount;
    stat.size = m_used;
    changed(); // data for waiting readers
    return Error::none;
}

} // namespace fs
