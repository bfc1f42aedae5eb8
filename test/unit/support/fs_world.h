// Host tests of file systems: translators (lib/fs_server over any fs::Node) in
// server tasks of the host kernel, and client tasks that use them through
// lib/fs_client. Shared by test_fs.cpp and test_fifo.cpp.
#pragma once

#include <catch.hpp>
#include <fs_client/client.h>
#include <fs_server/control.h>
#include <fs_server/file_system.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <support/auth_task.h>
#include <support/host_kernel.h>

#include "../../../translators/tmpfs/memory_nodes.h"

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace fs_testing {

using mach::PortName;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;
namespace client = fs::client;

inline constexpr fs::Credentials kRoot { 0, 0 };
inline constexpr fs::Credentials kAlice { 1000, 100 };

// A translator in a server task: a file system over `root` (whose
// reference it takes), served by a thread, with a control port.
class Translator {
public:
    Translator(HostKernel& kernel, fs::Node* root)
        : m_kernel(kernel)
        , m_task(kernel.create_task())
    {
        ActAs as(m_task);
        REQUIRE(m_server.open() == Error::none);
        m_fs = new fs::FileSystem(m_server, *root);
        root->release(); // the file system holds it
        REQUIRE(m_fs->start() == Error::none);
        m_control = new fs::Control(m_server, *m_fs, "--size=64M");
        REQUIRE(mach::port_allocate(m_task.task_name(), mach::RightType::receive, &m_control_port) == Error::none);
        REQUIRE(m_control->adopt(m_control_port) == Error::none);
        m_thread = std::thread([this] {
            ActAs serving(m_task);
            (void)m_server.serve();
        });
    }
    // Waits for every peropen to be released (the clients must be gone or
    // have closed everything), then stops.
    ~Translator()
    {
        if (m_killed)
            return;
        for (int i = 0; i < 5000 && m_fs->peropens() != 0; i++)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(m_fs->peropens() == 0);
        {
            ActAs as(m_task);
            m_server.shut_down();
        }
        m_thread.join();
        ActAs as(m_task);
        m_server.close();
        delete m_control;
        delete m_fs;
    }
    // The task dies (its thread's calls fail and it ends). Its file system
    // is kept, unreleased, as a dead task's memory would simply be gone.
    void kill()
    {
        m_kernel.kill(m_task);
        m_thread.join();
        m_killed = true;
        // Kept reachable (never destroyed) so that the leak checker does not count them.
        static auto* remains = new std::vector<std::pair<fs::FileSystem*, fs::Control*>>;
        remains->push_back({ m_fs, m_control });
    }
    // A send right to the control port, for `client`.
    PortName control_for(HostTask& client) { return m_kernel.give_send_right(m_task, m_control_port, client); }
    // The root directory for `client`, acting as `who`.
    // Lets the file system ask `auth` who its clients are (before any of them calls).
    void use_auth(test_support::AuthTask& auth) { m_fs->set_auth(auth.plain_right_for(m_task)); }
    PortName root_for(HostTask& client, fs::Credentials who)
    {
        PortName name;
        {
            ActAs as(m_task);
            name = m_fs->open_root(who, fs::kRead | fs::kExecute).value();
        }
        return m_kernel.move_right(m_task, name, client);
    }
    uint64_t peropens() const { return m_fs->peropens(); }
    // Requests parked on its nodes now (read while it serves: a test's poll).
    uint32_t parked() const { return m_fs->parked(); }

private:
    HostKernel& m_kernel;
    HostTask& m_task;
    ports::Server m_server;
    fs::FileSystem* m_fs = nullptr;
    fs::Control* m_control = nullptr;
    PortName m_control_port = 0;
    std::thread m_thread;
    bool m_killed = false;
};

// tmpfs: a root directory (root's, 0755).
struct Tmpfs : Translator {
    explicit Tmpfs(HostKernel& kernel)
        : Translator(kernel, tmpfs::make_root(kRoot, 0755).value())
    {
    }
};

// A client task with its root (also its working directory).
struct Client {
    HostTask& task;
    PortName root;
    Client(HostKernel& kernel, Translator& tmpfs, fs::Credentials who)
        : task(kernel.create_task())
        , root(tmpfs.root_for(task, who))
    {
    }
    Result<PortName> open(const char* path, uint32_t flags, uint32_t mode = 0644)
    {
        return client::open(root, root, path, flags, mode);
    }
};

inline std::string read_all(PortName file)
{
    std::string text;
    char buffer[100];
    for (;;) {
        uint32_t got = client::read(file, buffer, sizeof(buffer)).value();
        if (got == 0)
            return text;
        text.append(buffer, got);
    }
}

inline Error write_text(PortName file, const std::string& text)
{
    Result<uint32_t> written = client::write(file, text.data(), uint32_t(text.size()));
    if (!written.ok())
        return written.error();
    return written.value() == text.size() ? Error::none : Error::invalid_reply;
}

template <typename Op> Error call_named(PortName directory, const char* name, uint32_t mode = 0755)
{
    typename Op::Request request {};
    request.mode = mode;
    request.name.set(name);
    typename Op::Reply reply {};
    return rpc::call<Op>(directory, request, reply);
}

inline std::vector<std::string> list(PortName directory)
{
    std::vector<std::string> names;
    for (uint64_t first = 0;;) {
        auto reply = std::make_unique<fs::ReadDirectory::Reply>();
        REQUIRE(rpc::call<fs::ReadDirectory>(directory, { first }, *reply) == Error::none);
        if (reply->count == 0)
            return names;
        for (uint32_t i = 0; i < reply->count; i++)
            names.push_back(reply->entries[i].name.c_str());
        first += reply->count;
    }
}

inline Error set_translator(PortName node, uint32_t flags, PortName control, const char* passive = "")
{
    fs::SetTranslator::Request request {};
    request.flags = flags;
    request.passive.set(passive);
    fs::SetTranslator::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { control, control ? mach::Disposition::move_send : mach::Disposition::none };
    return rpc::call<fs::SetTranslator>(node, request, reply, give);
}

// fs Rename of `name` in `from` to `to_name` in `to` (a copy of the right is sent).
inline Error rename(PortName from, const char* name, PortName to, const char* to_name)
{
    fs::Rename::Request request {};
    request.name.set(name);
    request.to_name.set(to_name);
    fs::Rename::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { to, mach::Disposition::copy_send };
    return rpc::call<fs::Rename>(from, request, reply, give);
}

// fs Link: `file` gets the name `to_name` in `to`.
inline Error link(PortName file, PortName to, const char* to_name)
{
    fs::Link::Request request {};
    request.to_name.set(to_name);
    fs::Link::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { to, mach::Disposition::copy_send };
    return rpc::call<fs::Link>(file, request, reply, give);
}

} // namespace fs_testing
