# The auth server (servers/auth), tested over the host kernel (test_auth.cpp).
UNIT_SRCS += servers/auth/auth_server.cpp
