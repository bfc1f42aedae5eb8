// IPC core: accounts as a tree of quotas on kernel objects (ipc/account.h):
// a charge counts in the account and all its ancestors, whoever hits a limit
// gets no_space and nobody else notices, the system keeps a reserve for
// the privileged, and chains stay short.
#include <catch.hpp>
#include <support/ipc_world.h>

#include <vector>

using namespace test_support;
using ipc::Account;
using ipc::Resource;
using mach::RightType;

namespace {

Account* child_of(Account* parent)
{
    Result<Account*> account = Account::create(parent);
    REQUIRE(account.ok());
    return account.value();
}

} // namespace

TEST_CASE("ipc accounts: a charge counts in the account and every ancestor, and goes back")
{
    IpcWorld world;
    Account* server = child_of(nullptr);
    CHECK(server->privileged());
    Account* shell = child_of(server);
    Account* command = child_of(shell);
    CHECK_FALSE(shell->privileged());
    CHECK(command->depth() == shell->depth() + 1);
    uint32_t system_before = Account::system().objects(Resource::tasks);
    REQUIRE(command->charge_object(Resource::tasks).ok());
    CHECK(command->objects(Resource::tasks) == 1);
    CHECK(shell->objects(Resource::tasks) == 1);
    CHECK(server->objects(Resource::tasks) == 1);
    CHECK(Account::system().objects(Resource::tasks) == system_before + 1);
    // The charge keeps the account (and so its ancestors) alive.
    command->release();
    command->uncharge_object(Resource::tasks); // frees it
    CHECK(shell->objects(Resource::tasks) == 0);
    CHECK(Account::system().objects(Resource::tasks) == system_before);
    shell->release();
    server->release();
}

TEST_CASE("ipc accounts: a fork bomb exhausts the quota of the task that started it, and nobody else's")
{
    IpcWorld world;
    Account* startup = child_of(nullptr);
    Account* attacker = child_of(startup);
    Account* victim = child_of(startup);
    attacker->set_object_limit(Resource::tasks, 20);
    std::vector<Account*> bomb;
    Account* parent = attacker;
    Error status = Error::none;
    // Each task forks the next (a chain) and a sibling: all of it is the attacker's.
    while (status == Error::none && bomb.size() < 1000) {
        Account* child = child_of(parent);
        status = child->charge_object(Resource::tasks).ok() ? Error::none : Error::no_space;
        if (status != Error::none) {
            child->release();
            break;
        }
        bomb.push_back(child);
        parent = bomb.size() % 2 ? child : parent;
    }
    CHECK(status == Error::no_space);
    CHECK(bomb.size() == 20);
    CHECK(attacker->objects(Resource::tasks) == 20);
    // The victim and its creator go on creating.
    REQUIRE(victim->charge_object(Resource::tasks).ok());
    REQUIRE(startup->charge_object(Resource::tasks).ok());
    victim->uncharge_object(Resource::tasks);
    startup->uncharge_object(Resource::tasks);
    // Killing the bomb gives the quota back.
    for (auto it = bomb.rbegin(); it != bomb.rend(); ++it) {
        (*it)->uncharge_object(Resource::tasks);
        (*it)->release();
    }
    CHECK(attacker->objects(Resource::tasks) == 0);
    REQUIRE(attacker->charge_object(Resource::tasks).ok());
    attacker->uncharge_object(Resource::tasks);
    attacker->release();
    victim->release();
    startup->release();
}

TEST_CASE("ipc accounts: the system keeps a reserve that only privileged accounts may use")
{
    IpcWorld world;
    Account* server = child_of(nullptr);
    std::vector<Account*> users;
    uint32_t cap = Account::system().object_limit(Resource::threads);
    uint32_t start = Account::system().objects(Resource::threads);
    // Many users, each below its own limit, together reach the system's unreserved share.
    uint32_t charged = 0;
    for (;;) {
        // A user's login, forked from the server (which may use the reserve for it), and what it runs.
        users.push_back(child_of(server));
        Account* user = child_of(users.back());
        users.push_back(user);
        bool full = false;
        for (uint32_t i = 0; i < user->object_limit(Resource::threads); i++) {
            if (!user->charge_object(Resource::threads).ok()) {
                full = true;
                break;
            }
            charged++;
        }
        if (full)
            break;
    }
    CHECK(start + charged == cap - cap / Account::kSystemReserve);
    // A privileged account still creates, and so does what it created directly (root's shell forking).
    REQUIRE(server->charge_object(Resource::threads).ok());
    server->uncharge_object(Resource::threads);
    Account* last_login = users[users.size() - 2];
    REQUIRE(last_login->charge_object(Resource::threads).ok());
    last_login->uncharge_object(Resource::threads);
    // Each program (charged) goes before its login (charged only through it).
    for (auto it = users.rbegin(); it != users.rend(); ++it) {
        bool program = (*it)->depth() == server->depth() + 2;
        while (program && (*it)->objects(Resource::threads))
            (*it)->uncharge_object(Resource::threads);
        (*it)->release();
    }
    CHECK(Account::system().objects(Resource::threads) == start);
    server->release();
}

TEST_CASE("ipc accounts: privilege passes to tasks a privileged task builds, not to its forks")
{
    IpcWorld world;
    Account* startup = child_of(nullptr);
    Account* built = Account::create(startup, true).value();
    Account* forked = Account::create(startup, false).value();
    Account* built_by_forked = Account::create(forked, true).value();
    Account* built_by_server = Account::create(built, true).value(); // a user's translator, say
    CHECK(built->privileged());
    CHECK_FALSE(forked->privileged());
    CHECK_FALSE(built_by_forked->privileged());
    CHECK_FALSE(built_by_server->privileged());
    built_by_server->release();
    built_by_forked->release();
    forked->release();
    built->release();
    startup->release();
}

TEST_CASE("ipc accounts: past the depth limit a task shares its creator's account")
{
    IpcWorld world;
    std::vector<Account*> chain { child_of(nullptr) };
    while (chain.back()->depth() < Account::kMaxDepth)
        chain.push_back(child_of(chain.back()));
    Account* deeper = child_of(chain.back());
    CHECK(deeper == chain.back());
    deeper->release();
    // Released from the top down: each keeps its parent until it goes.
    for (Account* account : chain)
        account->release();
}

TEST_CASE("ipc accounts: ports and port sets count against the creating task's account")
{
    IpcWorld world;
    ipc::NameSpace* server = ipc::NameSpace::create().value();
    ipc::NameSpace* user = ipc::NameSpace::create(child_of(&server->account())).value();
    user->account().set_object_limit(Resource::ports, 3);
    user->account().set_object_limit(Resource::port_sets, 1);
    std::vector<mach::PortName> ports;
    for (int i = 0; i < 3; i++)
        ports.push_back(user->allocate(RightType::receive).value());
    CHECK(user->allocate(RightType::receive).error() == Error::no_space);
    CHECK(server->account().objects(Resource::ports) == 3);
    // The server is not affected.
    mach::PortName own = server->allocate(RightType::receive).value();
    REQUIRE(user->allocate(RightType::port_set).ok());
    CHECK(user->allocate(RightType::port_set).error() == Error::no_space);
    // A port counts until it is freed, wherever its receive right went.
    mach::PortName moved = user->extract_right(ports[0], mach::Disposition::move_receive, *server).value();
    CHECK(user->allocate(RightType::receive).error() == Error::no_space);
    REQUIRE(server->destroy_name(moved).ok());
    CHECK(user->allocate(RightType::receive).ok());
    REQUIRE(server->destroy_name(own).ok());
    ipc::NameSpace::destroy(user);
    CHECK(server->account().objects(Resource::ports) == 0);
    CHECK(server->account().objects(Resource::port_sets) == 0);
    ipc::NameSpace::destroy(server);
}
