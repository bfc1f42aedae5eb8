// The translators every Portico system has on its nodes, set as passive
// translators at boot (they start at the first lookup that crosses them):
// /dev/null, /dev/zero, /servers/pipe (pflocal: the C library's pipes),
// and /tmp (a tmpfs of its own, limited in size).
#pragma once

#include <mach/error.h>
#include <mach/port.h>

namespace startup {

// Creates the nodes (as root, from `root`) and stores their translators.
Error set_boot_translators(mach::PortName root);

} // namespace startup
