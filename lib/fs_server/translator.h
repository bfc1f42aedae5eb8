// Running a translator: a file system over `root` (any fs::Node: a whole
// tree, or a single node for translators like hello, null and zero),
// served until it is told to go away.
//
// The control port: if the task's bootstrap port is a receive right (it
// was started as a boot task), that is the control port; otherwise the
// translator makes one and hands a send right to its parent through the
// bootstrap port (fsys Startup), which attaches it.
#pragma once

#include <exec/init_ports.h>
#include <fs_server/node.h>
#include <ports/server.h>

namespace fs {

// Serves `root` (taking the caller's reference) with `options` (what
// fsysopts shows), from ports::Server::kMaxWorkers threads. Returns the
// task's exit status.
int run_translator(Node& root, const char* options);

// The same from `workers` threads (at most ports::Server::kMaxWorkers).
// One keeps the order in which requests and releases arrived (a poll sent
// after a close sees the close); several keep a request that waits for
// a translator from holding up the others.
int run_translator(Node& root, const char* options, uint32_t workers);

// The same, with `setup` called once the file system is up and before
// anything is served, from one thread (the setup's receivers need not
// lock): a device translator claims its device there, with
// the rest of its init ports (it may keep one by setting its slot to
// null) and the messages queued behind them on its bootstrap port.
using TranslatorSetup = Error (*)(ports::Server& server, exec::InitPorts& init, void* context);
int run_translator(Node& root, const char* options, TranslatorSetup setup, void* context);

} // namespace fs
