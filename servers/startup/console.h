// The console: startup starts term (servers/term) from its boot module,
// grants it the device port and attaches it to /dev/console; the shell
// startup runs has it as its standard input, output and error.
#pragma once

#include <exec/init_ports.h>
#include <freestanding/result.h>

namespace startup {

// Starts term and attaches it (`init`: root's init ports; term keeps the proc right).
Error start_console(const exec::InitPorts& init);

// /dev/console opened for reading and writing, as descriptors 0, 1 and 2
// (the right is the caller's, with a user reference for each).
Result<exec::Descriptors*> open_console(const exec::InitPorts& init);

} // namespace startup
