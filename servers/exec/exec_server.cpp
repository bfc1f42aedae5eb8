#include "exec_server.h"

#include <exec/init_ports.h>
#include <exec/spawn.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <runtime/mach.h>
#include <runtime/thread.h>

#include "script.h"

namespace exec {
namespace {

// How long each call to a port a client supplied may wait for its answer
// (a file system's own lookups through a slow translator take up to its
// timeout, fs::FileSystem::kTranslatorTimeoutNs: longer than that).
constexpr uint64_t kClientCallTimeoutNs = 10'000'000'000ull;

// A program to load: its image (from lib/heap) and the arguments it gets.
struct Image {
    uint8_t* bytes = nullptr;
    size_t size = 0;
    const char* argv[kMaxArguments + 2 * kMaxInterpreterDepth + 1] = {};
    uint32_t argc = 0;
    ScriptLine lines[kMaxInterpreterDepth]; // the strings interpreters' argv points into
    bool script = false; // an interpreter runs it (set-id bits then mean nothing)

    ~Image() { heap::free(bytes); }
};

// Replaces the script in `image` by its interpreter, opened from `root`
// and `cwd` as the caller would: argv becomes interpreter, its argument,
// the script's path, then the script's arguments after argv[0].
Error follow_script(Image& image, const char*& path, uint32_t depth, mach::PortName root, mach::PortName cwd)
{
    ScriptLine& line = image.lines[depth];
    TRY_STATUS(parse_script_line(image.bytes, image.size, line));
    uint32_t extra = line.argument ? 2 : 1; // interpreter [argument] replace nothing, path replaces argv[0]
    if (image.argc + extra > kMaxArguments + 2 * kMaxInterpreterDepth)
        return Error::no_space;
    for (uint32_t i = image.argc; i-- > 1;)
        image.argv[i + extra] = image.argv[i];
    image.argv[0] = line.interpreter;
    if (line.argument)
        image.argv[1] = line.argument;
    image.argv[extra] = path;
    image.argc += extra;
    mach::PortName file = TRY(fs::client::open(root, cwd, line.interpreter, fs::kRead | fs::kExecute));
    heap::free(image.bytes);
    image.bytes = nullptr;
    Result<uint8_t*> bytes = fs::client::read_all(file, image.size);
    fs::client::close(file);
    if (!bytes.ok())
        return bytes.error();
    image.bytes = bytes.value();
    image.script = true;
    path = line.interpreter;
    return Error::none;
}

// Reads the program in `file`, following "#!" lines.
Error read_program(mach::PortName file, const Arguments& arguments, const InitPorts& init, Image& image)
{
    image.bytes = TRY(fs::client::read_all(file, image.size));
    for (uint32_t i = 0; i < arguments.argc; i++)
        image.argv[i] = arguments.argv[i];
    image.argc = arguments.argc;
    const char* path = arguments.path;
    for (uint32_t depth = 0; is_script(image.bytes, image.size); depth++) {
        if (depth == kMaxInterpreterDepth)
            return Error::invalid_argument; // interpreters all the way down
        TRY_STATUS(follow_script(image, path, depth, init[kRootDirectory], init[kWorkingDirectory]));
    }
    return Error::none;
}

} // namespace

void ExecServer::take_power(InitPorts& init)
{
    m_power.auth = init[kAuth];
    m_power.root = init[kRootDirectory];
    init[kAuth] = mach::kNullName;
    init[kRootDirectory] = mach::kNullName;
}

Error ExecServer::adopt(mach::PortName port)
{
    m_power.port = port;
    m_power.task = m_server.task();
    return m_server.adopt_port(port, *this);
}

bool ExecServer::serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    return rpc::Interface<Exec>::dispatch(*this, request, reply);
}

Error ExecServer::serve(Exec, const rpc::Incoming<Exec>& in, rpc::Outgoing<Exec>&)
{
    // The file, the directories and the task are the client's: a port that
    // never answers fails its call (timed_out) instead of holding exec.
    runtime::CallTimeout bounded(kClientCallTimeoutNs);
    InitPorts init;
    for (uint32_t i = 0; i < kInitPortCount; i++)
        init.at[i] = in.rights[kFirstInitPort + i].name;
    Arguments arguments;
    Image image;
    Error status = unpack_arguments(reinterpret_cast<const char*>(in.body.strings.bytes), in.body.strings.length,
        in.body.argc, in.body.envc, arguments);
    if (status == Error::none && (in.rights[kFile].name == mach::kNullName || in.rights[kTask].name == mach::kNullName))
        status = Error::invalid_argument;
    if (status == Error::none)
        status = read_program(in.rights[kFile].name, arguments, init, image);
    SetIdProgram set_id;
    bool privileged = false;
    if (status == Error::none && !image.script) {
        Result<fs::Stat> stat = fs::client::stat(in.rights[kFile].name);
        Result<bool> prepared
            = stat.ok() ? prepare_set_id(m_power, arguments.path, stat.value().mode, init, set_id) : false;
        status = prepared.ok() ? Error::none : prepared.error();
        privileged = prepared.ok() && prepared.value();
    }
    if (privileged) {
        // The program read again from the trusted file system is what runs.
        heap::free(image.bytes);
        image.bytes = set_id.bytes;
        image.size = set_id.size;
        set_id.bytes = nullptr;
    }
    Result<mach::PortName> bootstrap = status == Error::none
        ? make_bootstrap(privileged ? set_id.init : init, mach::kNullName, &in.body.descriptors)
        : Result<mach::PortName>(status);
    release(set_id); // the bootstrap message holds copies
    if (bootstrap.ok()) {
        Program program { image.bytes, image.size, image.argv, image.argc, arguments.envp, arguments.envc };
        status = load(in.rights[kTask].name, program, bootstrap.value(), mach::Disposition::move_receive);
        if (status != Error::none)
            (void)mach::port_destroy(m_server.task(), bootstrap.value()); // with the init ports queued on it
    } else {
        status = bootstrap.error();
    }
    for (const rpc::Right& right : in.rights.at)
        rpc::release(right);
    return status;
}

} // namespace exec
