// User threads of the calling task: what each thread keeps for itself (its
// ThreadBlock, found through the FS base, as x86-64 TLS is: %fs:0 holds
// the block's own address), and starting another thread.
//
// Until a task starts its first thread it has one, whose block is a
// static one; starting the first thread gives that thread's FS base the
// static block, so each thread then has a block of its own. (Full TLS —
// thread_local in programs — is the C library's to set up; this is the
// small part the RPC library needs: a reply port per thread.)
#pragma once

#include <freestanding/result.h>
#include <mach/port.h>
#include <stdint.h>

namespace runtime {

struct ThreadBlock {
    ThreadBlock* self; // where %fs:0 points (the x86-64 TLS convention)
    mach::PortName reply_port; // rpc::reply_port(): kNullName until the first call
    uint32_t reserved;
    uint64_t call_timeout_ns; // how long each call waits for its answer (CallTimeout); 0: for ever
};

// The calling thread's block.
ThreadBlock& this_thread();

// The value the calling thread's FS base must have in a copy of this
// task's memory (a forked child's thread): 0 while the task has one thread.
uint64_t this_thread_base();

// Starts a thread of the calling task running entry(argument) on a new
// stack of `stack_size` bytes (and a guard page below it); the thread ends
// when entry returns. Its stack and block stay for the task's life: this
// is for threads that live as long as it (a server's workers).
Error start_thread(void (*entry)(void*), void* argument, uint64_t stack_size = 64 * 1024);

// How long the calling thread's calls (rpc::call without a timeout of its
// own, mach::kernel_call) wait for an answer: for ever unless a
// CallTimeout says otherwise.
uint64_t call_timeout();

// For a scope, makes each call of the calling thread give up after `ns`
// (timed_out): a server working for a client through ports that client
// supplied (exec reading a program) waits for none of them without bound.
class CallTimeout {
public:
    explicit CallTimeout(uint64_t ns)
        : m_previous(this_thread().call_timeout_ns)
    {
        this_thread().call_timeout_ns = ns;
    }
    ~CallTimeout() { this_thread().call_timeout_ns = m_previous; }
    CallTimeout(const CallTimeout&) = delete;
    CallTimeout& operator=(const CallTimeout&) = delete;

private:
    uint64_t m_previous;
};

} // namespace runtime
