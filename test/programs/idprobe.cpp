// idprobe: started by a file system as a node's passive translator, it
// writes to its standard error (or, without one, to the kernel log) who it
// runs as (its auth handle's ids), whether it got root and working
// directories and a proc handle, and what opening /secret (root's, 0600)
// through its root gave; then it ends without answering fsys Startup, which
// the file system must notice at once. isolationtest reads what it wrote.
#include <exec/init_ports.h>
#include <fs_client/client.h>
#include <interfaces/auth.h>
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

int main(int, char**, char**)
{
    exec::Descriptors descriptors;
    exec::InitPorts init = exec::receive_init_ports(&descriptors);
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
    Result<mach::PortName> secret
        = fs::client::open(init[exec::kRootDirectory], init[exec::kWorkingDirectory], "/secret", fs::kRead);
    line << " secret=" << (secret.ok() ? "opened" : error_name(secret.error())) << "\n";
    mach::PortName error_output = descriptors.count > 2 ? descriptors.names[2] : mach::kNullName;
    if (error_output == mach::kNullName || !fs::client::write(error_output, line.chars, uint32_t(line.length)).ok())
        mach::Line() << "no standard error: " << line.chars;
    return 0;
}
