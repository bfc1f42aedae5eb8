// setlocale and localeconv: only the "C" locale ("POSIX" and "", the
// environment's choice, name it too).
#include <limits.h>
#include <locale.h>
#include <string.h>

namespace {

char g_c_name[] = "C";
char g_empty[] = "";
char g_dot[] = ".";

} // namespace

extern "C" {

char* setlocale(int category, const char* locale)
{
    if (category < LC_CTYPE || category > LC_ALL)
        return nullptr;
    if (locale == nullptr || *locale == '\0' || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0
        || strcmp(locale, "C.UTF-8") == 0 || strcmp(locale, "C.utf8") == 0)
        return g_c_name;
    return nullptr;
}

struct lconv* localeconv(void)
{
    static struct lconv conventions = {
        g_dot,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        g_empty,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
        CHAR_MAX,
    };
    return &conventions;
}

} // extern "C"
