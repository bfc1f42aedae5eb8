// The user-mode benchmarks: boot modules of the self-test image whose lines
// log as "bench: <name> <value> <unit>" like the kernel's benches.
#pragma once

namespace kern {

// Runs the boot modules bench and benchpeer, then tmpfs and fsbench, when
// `selector` is "all" or "user", and waits for them to end. Returns 1 if
// they ran and ended, else 0.
int run_user_benches(const char* selector);

} // namespace kern
