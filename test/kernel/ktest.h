// In-kernel self tests. A test is declared with KTEST(name) in test/kernel/,
// which only the self-test kernel (build/mach-selftest.elf) links; it runs
// them when booted with `test=all` or `test=<name>` and reports each on the log as
//   ktest: PASS <name>      or      ktest: FAIL <name> <file>:<line> <what>
// followed by `ktest: done N passed, M failed`, then ends QEMU.
#pragma once

namespace kern {

class KTestContext {
public:
    // Records a failed expectation; the test goes on.
    void fail(const char* file, int line, const char* what);
    bool failed() const { return m_failures != 0; }

private:
    int m_failures = 0;
};

// Entries of the .ktests section. GCC aligns 16-byte objects to 16, so the
// type says so too: the linker then packs them with no gaps between objects.
struct alignas(16) KTestCase {
    const char* name;
    void (*run)(KTestContext&);
};
static_assert(sizeof(KTestCase) == 16);

// Runs the tests selected by `selector` ("all" or one test's name) and
// returns the number of failures. Unknown names count as a failure.
int run_ktests(const char* selector);

} // namespace kern

#define KTEST(name)                                                                                                    \
    static void ktest_##name(kern::KTestContext&);                                                                     \
    [[gnu::used, gnu::section(".ktests")]] static const kern::KTestCase ktest_case_##name = { #name, ktest_##name };   \
    static void ktest_##name([[maybe_unused]] kern::KTestContext& ktest_context)

// Checks a condition inside a KTEST; a false condition fails the test.
#define KEXPECT(cond)                                                                                                  \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ktest_context.fail(__FILE__, __LINE__, #cond);                                                             \
    } while (0)
