// mkstemp, mkostemp, mkdtemp, mktemp: names ending in XXXXXX replaced by
// letters until one does not exist yet.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr char k_letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr int k_attempts = 1000;

// The six X's at the end of name_template, or nullptr (errno EINVAL).
char* placeholder(char* name_template)
{
    size_t length = name_template == nullptr ? 0 : strlen(name_template);
    if (length < 6 || strcmp(name_template + length - 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return nullptr;
    }
    return name_template + length - 6;
}

void fill(char* letters)
{
    static unsigned int state;
    if (state == 0)
        state = static_cast<unsigned int>(getpid()) * 2654435761U
            ^ static_cast<unsigned int>(reinterpret_cast<unsigned long>(&state));
    for (int i = 0; i < 6; ++i)
        letters[i] = k_letters[static_cast<unsigned int>(rand_r(&state)) % (sizeof k_letters - 1)];
}

// Tries names until create() succeeds (returns >= 0) or fails otherwise than EEXIST.
template <typename Create> int create_unique(char* name_template, Create create)
{
    char* letters = placeholder(name_template);
    if (letters == nullptr)
        return -1;
    for (int attempt = 0; attempt < k_attempts; ++attempt) {
        fill(letters);
        int result = create(name_template);
        if (result >= 0 || errno != EEXIST)
            return result;
    }
    errno = EEXIST;
    return -1;
}

} // namespace

extern "C" {

int mkostemp(char* name_template, int flags)
{
    return create_unique(name_template,
        [flags](const char* name) { return open(name, (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL, 0600); });
}

int mkstemp(char* name_template) { return mkostemp(name_template, 0); }

char* mkdtemp(char* name_template)
{
    int result = create_unique(name_template, [](const char* name) { return mkdir(name, 0700); });
    return result == 0 ? name_template : nullptr;
}

// Only the name: another program may take it before the caller does.
char* mktemp(char* name_template)
{
    int result = create_unique(name_template, [](const char* name) {
        struct stat status;
        if (lstat(name, &status) == 0) {
            errno = EEXIST;
            return -1;
        }
        return errno == ENOENT ? 0 : -1;
    });
    if (result != 0 && name_template != nullptr)
        name_template[0] = '\0';
    return name_template;
}

} // extern "C"
