// Who may do what: the credentials a file system knows (each peropen names
// one), the owner, group and other bits, and the sticky bit of directories.
#include <fs_server/file_system.h>

namespace fs {

bool allowed(const Stat& stat, const Credentials& who, uint32_t want)
{
    want &= kAccessMask;
    if (who.is_root())
        return !(want & kExecute) || is_directory(stat.mode) || (stat.mode & 0111);
    uint32_t bits = stat.mode & 07;
    if (who.uid == stat.uid)
        bits = (stat.mode >> 6) & 07;
    else if (who.gid == stat.gid)
        bits = (stat.mode >> 3) & 07;
    // rwx bits are 4, 2, 1; OpenFlag's kRead, kWrite, kExecute are 1, 2, 4.
    uint32_t needed = ((want & kRead) ? 4 : 0) | ((want & kWrite) ? 2 : 0) | ((want & kExecute) ? 1 : 0);
    return (bits & needed) == needed;
}

bool may_remove(const Stat& directory, const Stat& node, const Credentials& who)
{
    if (!(directory.mode & kSticky) || who.is_root())
        return true;
    return who.uid == directory.uid || who.uid == node.uid;
}

Result<uint32_t> FileSystem::intern(const Credentials& who)
{
    for (uint32_t i = 0; i < m_credential_count; i++) {
        if (m_credentials[i] == who)
            return i;
    }
    if (m_credential_count == kMaxCredentials)
        return Error::no_space;
    m_credentials[m_credential_count] = who;
    return m_credential_count++;
}

} // namespace fs
