# The file-system library (lib/fs_server) and tmpfs's nodes, tested over the host
# kernel (test_fs.cpp, test_fifo.cpp).
UNIT_SRCS += $(sort $(wildcard lib/fs_client/*.cpp lib/fs_server/*.cpp lib/exec/*.cpp)) lib/runtime/kernel_call.cpp \
	$(filter-out translators/tmpfs/main.cpp,$(sort $(wildcard translators/tmpfs/*.cpp)))
