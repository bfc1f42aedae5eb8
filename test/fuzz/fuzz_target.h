// A fuzz target: a function from bytes to checks, built two ways.
//
// `make fuzz` compiles each test/fuzz/*_fuzz.cpp with clang's libFuzzer
// (PORTICO_LIBFUZZER defined): PORTICO_FUZZ_TARGET then defines
// LLVMFuzzerInitialize (start) and LLVMFuzzerTestOneInput (run).
// `make check` compiles the same files with g++ into the unit tests, where
// the macro registers the target instead and test_fuzz_bounded.cpp drives
// it with a bounded number of seeded random inputs (fuzz_bounded.h).
//
// A target reports a broken invariant by aborting (fuzz::fail), as
// libFuzzer expects: a crash, a sanitizer report or an abort is a finding.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace fuzz {

struct Target {
    const char* name;
    size_t max_size; // the longest input worth trying
    // Once before the first input (may be null): the state every input shares.
    void (*start)();
    // One input; aborts on a broken invariant.
    void (*run)(const uint8_t* data, size_t size);
    // After the last input in a bounded run (may be null): releases what
    // start() made, so the process's leak checks see nothing of it.
    void (*finish)();
};

// Prints `what` (printf-style) and aborts.
[[noreturn]] void fail(const char* format, ...) __attribute__((format(printf, 1, 2)));

#ifndef PORTICO_LIBFUZZER
// The targets linked into this program (bounded runs).
struct Registration {
    explicit Registration(const Target& target);
    const Target* target;
    Registration* next;
};
Registration* registered_targets();
#endif

} // namespace fuzz

#ifdef PORTICO_LIBFUZZER
#define PORTICO_FUZZ_TARGET(target)                                                                                    \
    extern "C" int LLVMFuzzerInitialize(int*, char***)                                                                 \
    {                                                                                                                  \
        if ((target).start)                                                                                            \
            (target).start();                                                                                          \
        return 0;                                                                                                      \
    }                                                                                                                  \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)                                            \
    {                                                                                                                  \
        (target).run(data, size);                                                                                      \
        return 0;                                                                                                      \
    }
#else
#define PORTICO_FUZZ_TARGET(target) static fuzz::Registration registration_of_target(target);
#endif
