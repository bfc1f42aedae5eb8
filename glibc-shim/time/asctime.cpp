// asctime and ctime: "Sun Sep 16 01:03:52 1973\n".
#include <errno.h>
#include <time.h>
#include <time/text.h>

extern "C" {

char* asctime_r(const struct tm* __restrict broken_down, char* __restrict buffer)
{
    // 26 bytes hold every four-digit year; the caller's buffer has no more.
    if (broken_down->tm_year > 9999 - 1900 || broken_down->tm_year < -1900) {
        errno = EOVERFLOW;
        return nullptr;
    }
    shim::time_text::Writer writer { buffer, 26 };
    writer.text(shim::time_text::weekday_abbreviation(broken_down->tm_wday));
    writer.character(' ');
    writer.text(shim::time_text::month_abbreviation(broken_down->tm_mon));
    writer.character(' ');
    writer.number(broken_down->tm_mday, 2, ' ');
    writer.character(' ');
    writer.number(broken_down->tm_hour, 2, '0');
    writer.character(':');
    writer.number(broken_down->tm_min, 2, '0');
    writer.character(':');
    writer.number(broken_down->tm_sec, 2, '0');
    writer.character(' ');
    writer.number(1900L + broken_down->tm_year, 4, '0');
    writer.character('\n');
    writer.finish();
    return buffer;
}

char* asctime(const struct tm* broken_down)
{
    static char buffer[26];
    return asctime_r(broken_down, buffer);
}

char* ctime_r(const time_t* __restrict when, char* __restrict buffer)
{
    struct tm broken_down;
    if (localtime_r(when, &broken_down) == nullptr)
        return nullptr;
    return asctime_r(&broken_down, buffer);
}

char* ctime(const time_t* when)
{
    static char buffer[26];
    return ctime_r(when, buffer);
}

} // extern "C"
