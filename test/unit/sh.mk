# The shell's parts (utils/sh/*.c, plain C), compiled for the host with its
# own C library and linked into the unit tests (test_sh.cpp). main.c holds
# the program's main and is left out.
SH_UNIT_SRCS := $(filter-out utils/sh/main.c,$(sort $(wildcard utils/sh/*.c)))
SH_UNIT_OBJS := $(SH_UNIT_SRCS:%.c=$(BUILD)/host/%.o)

$(BUILD)/host/utils/sh/%.o: utils/sh/%.c config.mk test/unit/sh.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_UTILS_CFLAGS) -c $< -o $@

# An extra prerequisite of the test program: its link command takes $^.
$(BUILD)/unit_tests: $(SH_UNIT_OBJS)
