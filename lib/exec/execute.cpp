#include <exec/arguments.h>
#include <exec/execute.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/exec.h>
#include <rpc/client.h>

namespace exec {

Error execute(mach::PortName exec_server, mach::PortName task, const Command& command, const InitPorts& init)
{
    auto* request = TRY(heap::create<Exec::Request>()); // 16 KiB: not on the stack
    Result<uint32_t> packed = pack_arguments(command.path, command.argv, command.argc, command.envp, command.envc,
        reinterpret_cast<char*>(request->strings.bytes), kMaxStrings);
    Result<mach::PortName> file = packed.ok()
        ? fs::client::open(init[kRootDirectory], init[kWorkingDirectory], command.path, fs::kRead | fs::kExecute)
        : Result<mach::PortName>(packed.error());
    Error status = file.ok() ? Error::none : file.error();
    if (status == Error::none) {
        request->argc = command.argc;
        request->envc = command.envc;
        if (command.descriptors)
            request->descriptors = *command.descriptors;
        request->strings.length = packed.value();
        rpc::Rights<Exec::kRequestRights> give;
        give[kFile] = { file.value(), mach::Disposition::move_send };
        give[kTask] = { task, mach::Disposition::copy_send };
        for (uint32_t i = 0; i < kInitPortCount; i++) {
            if (init.at[i] != mach::kNullName)
                give[kFirstInitPort + i] = { init.at[i], mach::Disposition::copy_send };
        }
        Exec::Reply reply {};
        status = rpc::call<Exec>(exec_server, *request, reply, give);
    }
    heap::destroy(request);
    return status;
}

} // namespace exec
