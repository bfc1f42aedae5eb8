# The file-system library (lib/fs) and tmpfs's nodes, tested over the host
# kernel (test_fs.cpp, test_fifo.cpp).
UNIT_SRCS += $(sort $(wildcard lib/fs/*.cpp lib/exec/*.cpp)) lib/runtime/kernel_call.cpp \
	translators/tmpfs/memory_nodes.cpp translators/tmpfs/archive.cpp
