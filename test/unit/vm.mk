# Host-compiled user address spaces and memory objects, for
# test_address_space_model.cpp (with test/unit/support/host_vm.cpp standing in
# for the kernel's own page tables).
UNIT_SRCS += mach/vm/address_space.cpp mach/vm/address_space_regions.cpp mach/vm/address_space_fork.cpp \
	mach/vm/memory_object.cpp mach/vm/memory_account.cpp mach/vm/page_index.cpp test/unit/support/host_vm.cpp
