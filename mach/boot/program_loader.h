// Starting a program: a new task with an ELF executable loaded into its
// address space, a stack holding argv and the auxiliary vector, and one
// thread at the entry point. Used for boot modules (start=name1,name2).
#pragma once

#include <mach/user_layout.h>

#include <boot/boot_info.h>
#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {
class Port;
}

namespace kern {

class Task;

// The rights boot modules are handed: the first task started receives on
// a new bootstrap port and gets the device port; each later one gets a
// send right to the bootstrap port (self_ports reports both names).
class BootRights {
public:
    Result<void> give(Task& task);

private:
    ipc::Port* m_bootstrap = nullptr; // borrowed: the first task holds its receive right
};

// The user stack of a new program: its top and size.
constexpr uint64_t kUserStackTop = mach::kUserStackTop;
constexpr uint64_t kUserStackSize = mach::kUserStackSize;

// Starts the executable in `data` (size bytes) as a task named after the
// first word of `command_line`, whose words become argv. A malformed
// executable is refused with an error and a log line. `rights` (optional)
// are handed to the task before its thread starts.
Result<Task*> start_program(const uint8_t* data, size_t size, const char* command_line, BootRights* rights = nullptr);

// Starts the boot modules named in `start_list` ("name1,name2": the first
// word of a module's command line), handing them their BootRights; logs
// each failure and goes on. Returns how many were started.
size_t start_boot_modules(const BootInfo& boot_info, const char* start_list);

// The boot module whose name (the first word of its command line) is the
// `length` bytes at `name`; null if none. Needs start_boot_modules first.
const BootModule* find_boot_module(const char* name, size_t length);

} // namespace kern
