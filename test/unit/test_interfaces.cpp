// Every RPC interface (lib/interfaces): each operation's request and reply
// fit in one message, and no two operations of the system share an id (a
// server serving several interfaces on one port — a file system serves fs,
// io and, for a terminal, term — tells them apart by id alone).
#include <catch.hpp>
#include <interfaces/auth.h>
#include <interfaces/exec.h>
#include <interfaces/fs.h>
#include <interfaces/fsys.h>
#include <interfaces/io.h>
#include <interfaces/proc.h>
#include <interfaces/term.h>

#include <set>

namespace {

template <typename... Ops> struct All {
    static std::multiset<uint32_t> ids() { return { Ops::kId... }; }
    static bool fit()
    {
        return ((sizeof(rpc::RequestMessage<Ops>) <= mach::kMaxMessageSize
                    && sizeof(rpc::ReplyMessage<Ops>) <= mach::kMaxMessageSize)
            && ...);
    }
};

using Everything = All<auth::GetIds, auth::MakeHandle, auth::Vouch, auth::Verify, exec::Exec, fs::Lookup,
    fs::ReadDirectory, fs::MakeDirectory, fs::RemoveDirectory, fs::Unlink, fs::Symlink, fs::Rename, fs::Link,
    fs::SetAttribute, fs::ReadLink, fs::SetTranslator, fs::GetTranslator, fs::GetTranslatorControl, fsys::GetRoot,
    fsys::GetOptions, fsys::SetOptions, fsys::GoAway, fsys::Statistics, fsys::Startup, io::Read, io::Write, io::Seek,
    io::GetStat, io::Duplicate, io::Reauthenticate, proc::Child, proc::GetIds, proc::Exit, proc::Wait,
    proc::SetProcessGroup, proc::GetProcessGroup, proc::List, proc::Kill, term::GetAttributes, term::SetAttributes,
    term::GetWindowSize, term::SetWindowSize, term::GetForegroundGroup, term::SetForegroundGroup, term::Flush>;

} // namespace

TEST_CASE("interfaces: every operation fits in one message, and no two share an id")
{
    CHECK(Everything::fit());
    std::multiset<uint32_t> ids = Everything::ids();
    std::set<uint32_t> distinct(ids.begin(), ids.end());
    CHECK(distinct.size() == ids.size());
    for (uint32_t id : ids) {
        CHECK(id >= 0x1000); // below are the kernel's
        CHECK((id & rpc::kReplyBit) == 0);
        CHECK(id != mach::kStartMessageId);
    }
}
