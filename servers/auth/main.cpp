// auth: user and group identities, and proving them to servers
// (lib/interfaces/auth.h). Its bootstrap port is its service port, a
// receive right; whoever started it (startup) holds the plain right,
// which speaks for root.
#include <heap/heap.h>

#include "../common/bootstrap_service.h"
#include "auth_server.h"

// One thread is sound: auth calls no one and sends nothing but replies
// (with a zero send timeout, lib/ports), so no client can hold it.
int main(int, char**, char**)
{
    return servers::serve_bootstrap_port(
        [](ports::Server& server) { return heap::create<auth::AuthServer>(server).value_or(nullptr); });
}
