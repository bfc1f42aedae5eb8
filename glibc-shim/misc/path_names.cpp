// POSIX basename and dirname. Both may write into path; both answer "."
// for a null or empty path.
#include <libgen.h>
#include <string.h>

namespace {

char g_dot[] = ".";

// Index one past the last character that is not a trailing '/', keeping a lone "/".
size_t without_trailing_slashes(const char* path, size_t length)
{
    while (length > 1 && path[length - 1] == '/')
        --length;
    return length;
}

} // namespace

extern "C" {

char* basename(char* path)
{
    if (path == nullptr || *path == '\0')
        return g_dot;
    size_t end = without_trailing_slashes(path, strlen(path));
    path[end] = '\0';
    if (end == 1 && path[0] == '/')
        return path;
    char* slash = strrchr(path, '/');
    return slash == nullptr ? path : slash + 1;
}

char* dirname(char* path)
{
    if (path == nullptr || *path == '\0')
        return g_dot;
    size_t end = without_trailing_slashes(path, strlen(path));
    // Drop the last component...
    while (end > 0 && path[end - 1] != '/')
        --end;
    if (end == 0)
        return g_dot;
    // ...and the slashes before it, keeping the root.
    end = without_trailing_slashes(path, end);
    path[end] = '\0';
    return path;
}

} // extern "C"
