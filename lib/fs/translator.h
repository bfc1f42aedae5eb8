// Running a translator: a file system over `root` (any fs::Node: a whole
// tree, or a single node for translators like hello, null and zero),
// served until it is told to go away.
//
// The control port: if the task's bootstrap port is a receive right (it
// was started as a boot task), that is the control port; otherwise the
// translator makes one and hands a send right to its parent through the
// bootstrap port (fsys Startup), which attaches it.
#pragma once

#include <fs/node.h>

namespace fs {

// Serves `root` (taking the caller's reference) with `options` (what
// fsysopts shows). Returns the task's exit status.
int run_translator(Node& root, const char* options);

} // namespace fs
