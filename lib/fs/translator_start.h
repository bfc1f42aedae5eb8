// Starting a translator program: spawned with a bootstrap port of the
// starter's, on which it sends fsys Startup with its control port (what
// fs::run_translator does). Used by file systems for passive translators
// and by settrans -a.
#pragma once

#include <base/result.h>
#include <exec/spawn.h>

namespace fs {

// Starts `program` and waits (up to `timeout_ns`) for its control port: a
// send right the caller owns. A program that does not come up is killed.
Result<mach::PortName> start_translator(const exec::Program& program, uint64_t timeout_ns);

} // namespace fs
