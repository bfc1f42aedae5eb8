// The date text helpers (see text.h).
#include <time/text.h>

namespace shim::time_text {
namespace {

constexpr const char* k_weekdays[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
constexpr const char* k_months[] = { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" };
constexpr const char* k_weekday_abbreviations[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
constexpr const char* k_month_abbreviations[]
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

template <int count> const char* pick(const char* const (&names)[count], int index)
{
    return index >= 0 && index < count ? names[index] : "?";
}

} // namespace

const char* weekday_abbreviation(int weekday) { return pick(k_weekday_abbreviations, weekday); }
const char* weekday_name(int weekday) { return pick(k_weekdays, weekday); }
const char* month_abbreviation(int month) { return pick(k_month_abbreviations, month); }
const char* month_name(int month) { return pick(k_months, month); }

void Writer::character(char c)
{
    // One byte stays free for the NUL.
    if (m_length + 1 < m_size)
        m_buffer[m_length++] = c;
    else
        m_overflowed = true;
}

void Writer::text(const char* text)
{
    while (*text != '\0')
        character(*text++);
}

void Writer::number(long value, int width, char pad)
{
    char digits[24];
    int count = 0;
    unsigned long magnitude = value < 0 ? 0UL - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
    do {
        digits[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    int length = count + (value < 0 ? 1 : 0);
    if (value < 0 && pad == '0')
        character('-');
    for (; pad != '\0' && length < width; ++length)
        character(pad);
    if (value < 0 && pad != '0')
        character('-');
    while (count > 0)
        character(digits[--count]);
}

void Writer::finish()
{
    if (m_size > 0)
        m_buffer[m_length] = '\0';
}

} // namespace shim::time_text
