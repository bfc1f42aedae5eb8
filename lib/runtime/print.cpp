#include <runtime/mach.h>
#include <runtime/print.h>

namespace mach {

Line& Line::operator<<(const char* text)
{
    while (text && *text && m_length < sizeof(m_buffer))
        m_buffer[m_length++] = *text++;
    return *this;
}

Line& Line::operator<<(uint64_t value)
{
    char digits[20];
    size_t count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value);
    while (count && m_length < sizeof(m_buffer))
        m_buffer[m_length++] = digits[--count];
    return *this;
}

Line& Line::operator<<(int64_t value)
{
    if (value < 0) {
        *this << "-";
        return *this << uint64_t(0) - uint64_t(value);
    }
    return *this << uint64_t(value);
}

void Line::flush()
{
    if (m_length)
        (void)debug_write(m_buffer, m_length);
    m_length = 0;
}

} // namespace mach
