# The exec server's logic (servers/exec): the "#!" line; lib/exec's argument
# packing comes with fs.mk (test_exec.cpp).
UNIT_SRCS += servers/exec/script.cpp
