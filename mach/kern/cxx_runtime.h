// Start-up support for C++ in the kernel.
#pragma once

namespace kern {

// Runs the constructors of global objects (the .init_array section).
void run_global_constructors();

} // namespace kern
