# The libc's pure parts (glibc-shim/), compiled for the host with their
# symbols renamed shim_* (make/libc.mk); the tests declare what they call in
# test/unit/support/shim.h.
UNIT_EXTRA_OBJS += $(if $(LIBC_PURE_SRCS),$(LIBC_HOST_OBJECT))
UNIT_SRCS += $(if $(LIBC_PURE_SRCS),test/unit/support/libc_pages.cpp)
