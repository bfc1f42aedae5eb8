// The translators a file system starts are its children with proc (ps
// lists them under it, kill reaches them), so it reaps them when they end:
// none stays a zombie. (The root file system registers them under
// startup's handle, and startup reaps them too; whoever asks first gets
// the status, which nobody needs.)
#include <fs_server/file_system.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace fs {
namespace {

// proc may hear of a death a moment after the file system does: so many
// short pauses before it gives up (a translator that destroyed its control
// port but lives on is reaped at a later death).
constexpr int kReapTries = 5;
constexpr uint64_t kReapPauseNs = 20'000'000;

} // namespace

void FileSystem::remember_child(int32_t pid)
{
    if (pid <= 0 || m_proc == mach::kNullName)
        return;
    if (m_child_count == kMaxTranslators)
        (void)reap_children();
    if (m_child_count == kMaxTranslators) {
        // Every one still runs: forget the oldest (it stays a zombie when it ends).
        for (uint32_t i = 1; i < m_child_count; i++)
            m_children[i - 1] = m_children[i];
        m_child_count--;
    }
    m_children[m_child_count++] = pid;
}

bool FileSystem::reap_children()
{
    bool reaped = false;
    for (uint32_t i = 0; i < m_child_count;) {
        proc::Wait::Reply ended {};
        Error status
            = rpc::call<proc::Wait>(m_proc, { m_children[i], proc::kNoHang }, ended, {}, nullptr, kTranslatorTimeoutNs);
        bool done = status == Error::none && ended.pid == m_children[i];
        if (done || status == Error::not_found) { // reaped now, or by someone else
            m_children[i] = m_children[--m_child_count];
            reaped = reaped || done;
        } else {
            i++;
        }
    }
    return reaped;
}

void FileSystem::translator_ended()
{
    for (int i = 0; i < kReapTries && m_child_count; i++) {
        if (reap_children())
            return;
        (void)mach::thread_sleep(kReapPauseNs);
    }
}

} // namespace fs
