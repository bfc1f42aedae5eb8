// A T built on first use and never destroyed: for kernel-lifetime objects
// (slab caches of kernel objects) whose destructor must not run at "exit"
// (the kernel has no atexit) and whose construction needs the heap.
#pragma once

#include <new>
#include <utility>

namespace kern {

template <typename T> class NeverDestroyed {
public:
    template <typename... Args> explicit NeverDestroyed(Args&&... args)
    {
        new (m_storage) T(std::forward<Args>(args)...);
    }
    NeverDestroyed(const NeverDestroyed&) = delete;
    NeverDestroyed& operator=(const NeverDestroyed&) = delete;

    T& get() { return *std::launder(reinterpret_cast<T*>(m_storage)); }

private:
    alignas(T) unsigned char m_storage[sizeof(T)];
};

} // namespace kern
