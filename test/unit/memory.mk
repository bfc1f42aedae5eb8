# Host-compiled sources of the kernel's memory subsystem, for
# test_frame_allocator.cpp, test_page_table.cpp and test_heap.cpp.
UNIT_SRCS += mach/vm/frame_allocator.cpp mach/vm/page_table.cpp mach/vm/heap.cpp
