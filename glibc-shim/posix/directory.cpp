// opendir, readdir, closedir, rewinddir, dirfd: directory listings through
// fs ReadDirectory, a page of entries at a time.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <interfaces/fs.h>
#include <rpc/client.h>

#include "errors.h"

namespace posix {
mach::PortName file_of(int fd);
}

struct __dirstream {
    int fd;
    uint64_t next_index; // of the directory's next entry to fetch
    uint32_t at; // in page
    fs::ReadDirectory::Reply page;
    struct dirent entry;
};

namespace {

unsigned char type_of(uint32_t mode)
{
    switch (mode & fs::kTypeMask) {
    case fs::kDirectory: return DT_DIR;
    case fs::kRegular: return DT_REG;
    case fs::kSymlink: return DT_LNK;
    case fs::kCharacterDevice: return DT_CHR;
    case fs::kFifo: return DT_FIFO;
    default: return DT_UNKNOWN;
    }
}

// Fetches the next page; false at the end.
Result<bool> fetch(DIR* directory)
{
    fs::ReadDirectory::Request request { directory->next_index };
    Error status = rpc::call<fs::ReadDirectory>(posix::file_of(directory->fd), request, directory->page);
    directory->at = 0;
    if (status != Error::none) {
        directory->page.count = 0;
        return status;
    }
    directory->next_index += directory->page.count;
    return directory->page.count > 0;
}

} // namespace

extern "C" {

DIR* fdopendir(int fd)
{
    if (posix::file_of(fd) == mach::kNullName) {
        errno = EBADF;
        return nullptr;
    }
    DIR* directory = static_cast<DIR*>(calloc(1, sizeof(DIR)));
    if (!directory) {
        errno = ENOMEM;
        return nullptr;
    }
    directory->fd = fd;
    return directory;
}

DIR* opendir(const char* path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    DIR* directory = fdopendir(fd);
    if (!directory)
        (void)close(fd);
    return directory;
}

struct dirent* readdir(DIR* directory)
{
    if (directory->at == directory->page.count) {
        Result<bool> fetched = fetch(directory);
        if (!fetched.ok()) {
            posix::fail(fetched.error());
            return nullptr;
        }
        if (!fetched.value())
            return nullptr; // the end: errno stays as it was
    }
    const fs::DirectoryEntry& from = directory->page.entries[directory->at++];
    struct dirent& entry = directory->entry;
    entry.d_ino = from.inode;
    entry.d_off = off_t(directory->next_index - directory->page.count + directory->at);
    entry.d_reclen = sizeof(entry);
    entry.d_type = type_of(from.type);
    size_t length = strnlen(from.name.chars, sizeof(entry.d_name) - 1);
    memcpy(entry.d_name, from.name.chars, length);
    entry.d_name[length] = '\0';
    return &entry;
}

void rewinddir(DIR* directory)
{
    directory->next_index = 0;
    directory->at = directory->page.count = 0;
}

int closedir(DIR* directory)
{
    int status = close(directory->fd);
    free(directory);
    return status;
}

int dirfd(DIR* directory) { return directory->fd; }

} // extern "C"
