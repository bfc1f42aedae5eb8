// idprobe: started by a file system as a node's passive translator.
//   idprobe [PATH]   sends fsys Startup with a control port it destroys at
//                    once (so the file system that waits for it goes on,
//                    and finds it gone), then writes to its standard error
//                    (or, without one, to the kernel log) who it runs as
//                    (its auth handle's ids), whether it got root and
//                    working directories and a proc handle, and what
//                    opening PATH (default /secret: root's, 0600) through
//                    its root gave
//   idprobe --exit   ends at once, before Startup: the file system must
//                    notice at once, not after its timeout
// isolationtest reads what it wrote.
#include <exec/init_ports.h>
#include <freestanding/text.h>
#include <fs_client/client.h>
#include <interfaces/auth.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/print.h>

namespace {

// One line of text, built in place.
struct Text {
    char chars[256] = {};
    size_t length = 0;

    Text& operator<<(const char* text)
    {
        while (*text && length + 1 < sizeof(chars))
            chars[length++] = *text++;
        return *this;
    }
    Text& operator<<(uint64_t value)
    {
        char digits[24];
        size_t count = 0;
        do
            digits[count++] = char('0' + value % 10);
        while (value /= 10);
        while (count && length + 1 < sizeof(chars))
            chars[length++] = digits[--count];
        return *this;
    }
};

} // namespace

int main(int argc, char** argv, char**)
{
    exec::Descriptors descriptors;
    exec::InitPorts init = exec::receive_init_ports(&descriptors);
    if (argc > 1 && freestanding::same_text(argv[1], "--exit"))
        return 3;
    // The file system serving our root waits for Startup (and may serve
    // nothing else meanwhile): come up, with a control port that is gone.
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    mach::PortName control = mach::kNullName;
    (void)mach::port_allocate(self.task, mach::RightType::receive, &control);
    rpc::Rights<1> give;
    give[0] = { control, mach::Disposition::make_send };
    fsys::Startup::Reply started {};
    (void)rpc::call<fsys::Startup>(init[exec::kParent], {}, started, give);
    (void)mach::port_destroy(self.task, control);
    Text line;
    auth::GetIds::Reply ids {};
    Error asked
        = init[exec::kAuth] != mach::kNullName ? rpc::call<auth::GetIds>(init[exec::kAuth], {}, ids) : Error::not_found;
    if (asked == Error::none)
        line << "uid=" << uint64_t(ids.ids.uid) << " gid=" << uint64_t(ids.ids.gid);
    else
        line << "no-identity=" << error_name(asked);
    line << " root=" << (init[exec::kRootDirectory] != mach::kNullName ? "yes" : "no");
    line << " cwd=" << (init[exec::kWorkingDirectory] != mach::kNullName ? "yes" : "no");
    line << " proc=" << (init[exec::kProc] != mach::kNullName ? "yes" : "no");
    const char* path = argc > 1 ? argv[1] : "/secret";
    Result<mach::PortName> secret
        = fs::client::open(init[exec::kRootDirectory], init[exec::kWorkingDirectory], path, fs::kRead);
    line << " secret=" << (secret.ok() ? "opened" : error_name(secret.error())) << "\n";
    mach::PortName error_output = descriptors.count > 2 ? descriptors.names[2] : mach::kNullName;
    if (error_output == mach::kNullName || !fs::client::write(error_output, line.chars, uint32_t(line.length)).ok())
        mach::Line() << "no standard error: " << line.chars;
    return 0;
}
