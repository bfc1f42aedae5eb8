// proc: the process server. Its bootstrap port is its service port (a
// receive right); whoever started it keeps a plain send right to it, and
// requests through that right act as pid 1 (startup, which registers the
// other servers and programs with Child).
#include <heap/heap.h>

#include "../common/bootstrap_service.h"
#include "proc_server.h"

// One thread is sound: no handler waits on a port a client controls. A
// signal or a task_terminate goes out without waiting (a full queue drops
// it), replies go out with a zero send timeout (lib/ports), and the one
// call out, to auth to verify a rendezvous port, has a deadline
// (test_proc.cpp: "a never-read signal port does not block proc").
int main(int, char**, char**)
{
    // Its table is big (a fixed array of processes): on the heap, not the stack.
    return servers::serve_bootstrap_port(
        [](ports::Server& server) { return heap::create<proc::ProcServer>(server).value_or(nullptr); });
}
