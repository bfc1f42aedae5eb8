# Utilities in C++ over the C library (after user.mk: they link libportico.a).
## Utilities that speak the system's interfaces themselves (lib/, in C++)
# and print through the C library: utils/<name>/*.cpp, compiled as the
# libc's OS layer is and linked as portico-cc links, into /bin/<name>.
LIBC_CXX_PROGRAM_NAMES := settrans showtrans fsysopts ps
LIBC_LINK_INPUTS := $(LIBC_ARCHIVE) $(LIBM_ARCHIVE) $(LIBC_CRT1) $(USER_LIBRARY)

define libc_cxx_program_rule
$(patsubst %.cpp,$(LIBC_BUILD)/obj/%.cpp.o,$(wildcard utils/$(1)/*.cpp)): LIBC_CXXFLAGS += $(LIBC_POSIX_FLAGS)
$(BUILD)/root/bin/$(1): $(patsubst %.cpp,$(LIBC_BUILD)/obj/%.cpp.o,$(wildcard utils/$(1)/*.cpp)) $(LIBC_LINK_INPUTS)
	@mkdir -p $$(@D)
	glibc-shim/portico-cc -o $$@ $$(filter %.cpp.o,$$^)
endef
$(foreach name,$(LIBC_CXX_PROGRAM_NAMES),$(eval $(call libc_cxx_program_rule,$(name))))
ROOT_FILES += $(LIBC_CXX_PROGRAM_NAMES:%=bin/%)
