#include <mach/kernel_objects.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>
#include <runtime/thread.h>

namespace runtime {
namespace {

#ifdef PORTICO_HOST
thread_local ThreadBlock t_block { &t_block, mach::kNullName, 0, 0 };
#else
ThreadBlock g_first { &g_first, mach::kNullName, 0, 0 };
bool g_several = false; // set (for good) as the first other thread is started

ThreadBlock* block_at_fs()
{
    ThreadBlock* block = nullptr;
    asm volatile("mov %%fs:0, %0" : "=r"(block));
    return block;
}

// What a new thread runs first: its entry, then the end of the thread.
struct Start {
    void (*entry)(void*);
    void* argument;
};

[[noreturn]] void run(Start* start)
{
    start->entry(start->argument);
    mach::thread_exit();
}

constexpr uint64_t kPage = 4096;
#endif

} // namespace

uint64_t call_timeout()
{
    uint64_t ns = this_thread().call_timeout_ns;
    return ns ? ns : mach::kWaitForever;
}

#ifdef PORTICO_HOST
ThreadBlock& this_thread() { return t_block; }
uint64_t this_thread_base() { return 0; }
Error start_thread(void (*)(void*), void*, uint64_t) { return Error::not_supported; }
#else

ThreadBlock& this_thread() { return __atomic_load_n(&g_several, __ATOMIC_ACQUIRE) ? *block_at_fs() : g_first; }

uint64_t this_thread_base()
{
    return __atomic_load_n(&g_several, __ATOMIC_ACQUIRE) ? reinterpret_cast<uint64_t>(block_at_fs()) : 0;
}

Error start_thread(void (*entry)(void*), void* argument, uint64_t stack_size)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    (void)mach::port_deallocate(self.task, self.thread);
    (void)mach::port_deallocate(self.task, self.host);
    stack_size = (stack_size + kPage - 1) & ~(kPage - 1);
    // [guard page][stack ... grows down][block, start: one page]
    uint64_t base = 0;
    uint64_t size = kPage + stack_size + kPage;
    TRY_STATUS(mach::vm_allocate(self.task, &base, size, mach::kVmAnywhere));
    (void)mach::vm_protect(self.task, base, kPage, 0);
    uint64_t top = base + kPage + stack_size;
    auto* block = reinterpret_cast<ThreadBlock*>(top);
    *block = { block, mach::kNullName, 0, 0 };
    auto* start = reinterpret_cast<Start*>(top + sizeof(ThreadBlock));
    *start = { entry, argument };
    if (!__atomic_load_n(&g_several, __ATOMIC_ACQUIRE)) {
        // The first other thread: from now on each thread finds its block through %fs.
        if (Error e = mach::thread_set_fs_base(reinterpret_cast<uint64_t>(&g_first)); e != Error::none) {
            (void)mach::vm_deallocate(self.task, base, size);
            return e;
        }
        __atomic_store_n(&g_several, true, __ATOMIC_RELEASE);
    }
    // As if called: rsp + 8 is 16-byte aligned at the entry.
    uint64_t rsp = top - 8;
    *reinterpret_cast<uint64_t*>(rsp) = 0;
    mach::ThreadCreateRequest request { reinterpret_cast<uint64_t>(&run), rsp, reinterpret_cast<uint64_t>(start),
        reinterpret_cast<uint64_t>(block) };
    mach::PortName thread = mach::kNullName;
    Error status
        = mach::kernel_call(self.task, mach::KernelCall::thread_create, &request, sizeof(request), nullptr, 0, &thread);
    if (status != Error::none) {
        (void)mach::vm_deallocate(self.task, base, size);
        return status;
    }
    (void)mach::port_deallocate(self.task, thread);
    return Error::none;
}

#endif

} // namespace runtime
