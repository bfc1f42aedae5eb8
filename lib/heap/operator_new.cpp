// C++'s new and delete in user space, over lib/heap. (Not on the host,
// where the C++ library and the sanitizers provide them.) Without
// exceptions a failed `new` cannot throw: the task ends with a message;
// code that can run out of memory uses heap::create and handles the error.
#ifndef PORTICO_HOST
#include <heap/heap.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace {

void* allocate_or_end(size_t size)
{
    Result<void*> block = heap::allocate(size);
    if (!block.ok()) {
        mach::Line() << "out of memory for new (" << uint64_t(size) << " bytes)";
        mach::task_exit(137);
    }
    return block.value();
}

} // namespace

void* operator new(size_t size) { return allocate_or_end(size); }
void* operator new[](size_t size) { return allocate_or_end(size); }
void operator delete(void* block) noexcept { heap::free(block); }
void operator delete[](void* block) noexcept { heap::free(block); }
void operator delete(void* block, size_t) noexcept { heap::free(block); }
void operator delete[](void* block, size_t) noexcept { heap::free(block); }
#endif
