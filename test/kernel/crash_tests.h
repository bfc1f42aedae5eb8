// Deliberate kernel crashes for the panic-report system tests (`crash=<kind>`
// on the kernel command line).
#pragma once

namespace kern {

// Crashes the kernel the way `which` names ("page_fault", "panic"), so system
// tests can check the panic report. Returns only if `which` names no crash.
void run_crash_test(const char* which);

} // namespace kern
