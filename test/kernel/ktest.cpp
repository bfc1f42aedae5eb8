#include <debug/log.h>
#include <freestanding/string.h>
#include <kernel/ktest.h>

extern "C" const kern::KTestCase __ktests_start[];
extern "C" const kern::KTestCase __ktests_end[];

namespace kern {

void KTestContext::fail(const char* file, int line, const char* what)
{
    ++m_failures;
    log("ktest", "  expectation failed at %s:%d: %s", file, line, what);
}

int run_ktests(const char* selector)
{
    bool all = strcmp(selector, "all") == 0;
    int passed = 0, failed = 0;
    for (const KTestCase* test = __ktests_start; test != __ktests_end; ++test) {
        if (!all && strcmp(selector, test->name) != 0)
            continue;
        KTestContext context;
        test->run(context);
        if (context.failed()) {
            ++failed;
            log("ktest", "FAIL %s", test->name);
        } else {
            ++passed;
            log("ktest", "PASS %s", test->name);
        }
    }
    if (passed + failed == 0) {
        log("ktest", "FAIL %s (no such test)", selector);
        ++failed;
    }
    log("ktest", "done %d passed, %d failed", passed, failed);
    return failed;
}

} // namespace kern
