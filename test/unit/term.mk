# The term server's line discipline (servers/term), on its own (test_term.cpp).
UNIT_SRCS += servers/term/line_discipline.cpp
