// glibc-shim setjmp/: the jump returns to the right place with the right
// value, callee-saved state survives, and sigsetjmp restores the mask.
#include "support/shim.h"

#include <catch.hpp>
#include <signal.h>

namespace {

jmp_buf g_target;
int g_depth_reached;

// gcc counts the noreturn longjmp as no way out of the recursion.
#pragma GCC diagnostic ignored "-Winfinite-recursion"
[[gnu::noinline]] void descend(int depth, int value)
{
    g_depth_reached = depth;
    if (depth < 10)
        descend(depth + 1, value);
    else
        shim_longjmp(g_target, value);
}

} // namespace

TEST_CASE("shim setjmp returns 0, then the longjmp value from deep calls")
{
    volatile int passes = 0;
    int result = shim_setjmp(g_target);
    passes = passes + 1;
    if (result == 0) {
        descend(0, 42);
        FAIL("longjmp returned");
    }
    CHECK(result == 42);
    CHECK(passes == 2);
    CHECK(g_depth_reached == 10);
}

TEST_CASE("shim longjmp with 0 makes setjmp return 1")
{
    volatile int calls = 0;
    int result = shim_setjmp(g_target);
    int before = calls;
    calls = before + 1;
    if (before == 0)
        shim_longjmp(g_target, 0);
    CHECK(result == 1);
}

TEST_CASE("shim siglongjmp restores the mask sigsetjmp saved, and only then")
{
    sigset_t empty;
    sigemptyset(&empty);
    sigprocmask(SIG_SETMASK, &empty, nullptr);

    sigjmp_buf saved_mask;
    if (shim_sigsetjmp(saved_mask, 1) == 0) {
        sigset_t usr1;
        sigemptyset(&usr1);
        sigaddset(&usr1, SIGUSR1);
        sigprocmask(SIG_BLOCK, &usr1, nullptr);
        shim_siglongjmp(saved_mask, 1);
    }
    sigset_t now;
    sigprocmask(SIG_SETMASK, nullptr, &now);
    CHECK(sigismember(&now, SIGUSR1) == 0);

    sigjmp_buf without_mask;
    if (shim_sigsetjmp(without_mask, 0) == 0) {
        sigset_t usr2;
        sigemptyset(&usr2);
        sigaddset(&usr2, SIGUSR2);
        sigprocmask(SIG_BLOCK, &usr2, nullptr);
        shim_siglongjmp(without_mask, 1);
    }
    sigprocmask(SIG_SETMASK, nullptr, &now);
    CHECK(sigismember(&now, SIGUSR2) == 1);
    sigprocmask(SIG_SETMASK, &empty, nullptr);
}
