// strftime in the "C" locale. The GNU padding flags '-' (none), '_'
// (spaces) and '0' (zeros) and the E/O modifiers (ignored) are accepted.
#include <time.h>
#include <time/calendar.h>
#include <time/text.h>

using shim::time_text::Writer;

namespace {

// ISO 8601 week number (1..53) and the year it belongs to.
struct IsoWeek {
    int week;
    long year;
};

IsoWeek iso_week(const struct tm& date)
{
    long year = 1900L + date.tm_year;
    int weekday = (date.tm_wday + 6) % 7; // Monday = 0
    // The week's Thursday decides its year.
    int thursday_yday = date.tm_yday - weekday + 3;
    if (thursday_yday < 0) {
        --year;
        thursday_yday += shim::calendar::is_leap_year(year) ? 366 : 365;
    } else if (thursday_yday >= (shim::calendar::is_leap_year(year) ? 366 : 365)) {
        thursday_yday -= shim::calendar::is_leap_year(year) ? 366 : 365;
        ++year;
    }
    return IsoWeek { thursday_yday / 7 + 1, year };
}

// Weeks counted from the year's first `first_weekday` (0 Sunday, 1 Monday).
int week_of_year(const struct tm& date, int first_weekday)
{
    int weekday = (date.tm_wday - first_weekday + 7) % 7;
    return (date.tm_yday - weekday + 7) / 7;
}

int twelve_hour(int hour) { return hour % 12 == 0 ? 12 : hour % 12; }

class Formatter {
public:
    Formatter(Writer& writer, const struct tm& date)
        : m_out(writer)
        , m_date(date)
    {
    }

    void number(long value, int width, char default_pad)
    {
        char pad = m_pad_flag == '-' ? '\0' : m_pad_flag == '_' ? ' ' : m_pad_flag == '0' ? '0' : default_pad;
        m_out.number(value, width, pad);
    }
    // One conversion (the character after '%' and any flags).
    void convert(char conversion);
    void format(const char* format);

private:
    Writer& m_out;
    const struct tm& m_date;
    char m_pad_flag = '\0';
};

void Formatter::format(const char* text)
{
    for (; *text != '\0'; ++text) {
        if (*text != '%') {
            m_out.character(*text);
            continue;
        }
        const char* start = text;
        m_pad_flag = '\0';
        while (text[1] == '-' || text[1] == '_' || text[1] == '0' || text[1] == '^' || text[1] == '#')
            m_pad_flag = *++text == '^' || *text == '#' ? m_pad_flag : *text;
        while (text[1] == 'E' || text[1] == 'O')
            ++text;
        if (text[1] == '\0') {
            // A lone '%' at the end is copied as it is.
            m_out.text(start);
            return;
        }
        convert(*++text);
    }
}

void Formatter::convert(char conversion)
{
    const struct tm& d = m_date;
    long year = 1900L + d.tm_year;
    switch (conversion) {
    case 'a': m_out.text(shim::time_text::weekday_abbreviation(d.tm_wday)); break;
    case 'A': m_out.text(shim::time_text::weekday_name(d.tm_wday)); break;
    case 'b':
    case 'h': m_out.text(shim::time_text::month_abbreviation(d.tm_mon)); break;
    case 'B': m_out.text(shim::time_text::month_name(d.tm_mon)); break;
    case 'c': format("%a %b %e %H:%M:%S %Y"); break;
    case 'C': number(year / 100, 2, '0'); break;
    case 'd': number(d.tm_mday, 2, '0'); break;
    case 'D': format("%m/%d/%y"); break;
    case 'e': number(d.tm_mday, 2, ' '); break;
    case 'F': format("%Y-%m-%d"); break;
    case 'g': number(iso_week(d).year % 100, 2, '0'); break;
    case 'G': number(iso_week(d).year, 1, '0'); break;
    case 'H': number(d.tm_hour, 2, '0'); break;
    case 'I': number(twelve_hour(d.tm_hour), 2, '0'); break;
    case 'j': number(d.tm_yday + 1, 3, '0'); break;
    case 'k': number(d.tm_hour, 2, ' '); break;
    case 'l': number(twelve_hour(d.tm_hour), 2, ' '); break;
    case 'm': number(d.tm_mon + 1, 2, '0'); break;
    case 'M': number(d.tm_min, 2, '0'); break;
    case 'n': m_out.character('\n'); break;
    case 'p': m_out.text(d.tm_hour < 12 ? "AM" : "PM"); break;
    case 'P': m_out.text(d.tm_hour < 12 ? "am" : "pm"); break;
    case 'r': format("%I:%M:%S %p"); break;
    case 'R': format("%H:%M"); break;
    case 's': {
        struct tm copy = d;
        number(timegm(&copy), 1, '0');
        break;
    }
    case 'S': number(d.tm_sec, 2, '0'); break;
    case 't': m_out.character('\t'); break;
    case 'T': format("%H:%M:%S"); break;
    case 'u': number(d.tm_wday == 0 ? 7 : d.tm_wday, 1, '0'); break;
    case 'U': number(week_of_year(d, 0), 2, '0'); break;
    case 'V': number(iso_week(d).week, 2, '0'); break;
    case 'w': number(d.tm_wday, 1, '0'); break;
    case 'W': number(week_of_year(d, 1), 2, '0'); break;
    case 'x': format("%m/%d/%y"); break;
    case 'X': format("%H:%M:%S"); break;
    case 'y': number(year % 100 < 0 ? year % 100 + 100 : year % 100, 2, '0'); break;
    case 'Y': number(year, 1, '0'); break;
    case 'z': {
        long offset = d.tm_gmtoff / 60;
        m_out.character(offset < 0 ? '-' : '+');
        offset = offset < 0 ? -offset : offset;
        m_out.number(offset / 60 * 100 + offset % 60, 4, '0');
        break;
    }
    case 'Z': m_out.text(d.tm_zone != nullptr ? d.tm_zone : "UTC"); break;
    case '%': m_out.character('%'); break;
    default:
        // Unknown conversions are copied as they are.
        m_out.character('%');
        m_out.character(conversion);
        break;
    }
}

} // namespace

extern "C" {

// The length written without the NUL, or 0 when the result did not fit.
size_t strftime(char* __restrict buffer, size_t size, const char* __restrict format, const struct tm* __restrict date)
{
    Writer writer { buffer, size };
    Formatter { writer, *date }.format(format);
    if (writer.overflowed() || size == 0)
        return 0;
    writer.finish();
    return writer.length();
}

} // extern "C"
