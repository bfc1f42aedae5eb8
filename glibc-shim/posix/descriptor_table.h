// The file descriptor table: descriptor i holds a send right to an open
// file (its peropen: the file's offset and open flags live in the server).
// dup gives two descriptors one right name with two user references, so
// that they share the open file, as POSIX requires; fork copies the rights
// under the same names, so parent and child share it too.
#pragma once

#include <exec/init_ports.h>
#include <mach/port.h>

namespace posix::descriptors {

constexpr int kMax = int(exec::Descriptors::kMax);

struct Entry {
    mach::PortName name = mach::kNullName; // kNullName: closed
    int descriptor_flags = 0; // FD_CLOEXEC
    int status_flags = 0; // O_ACCMODE, O_APPEND, O_NONBLOCK as opened (F_GETFL)
};

// The entry of an open descriptor, or null (EBADF).
Entry* find(int fd);
// Puts the right `name` (one user reference, given to the table) at the
// lowest free descriptor >= `lowest`; -1 with errno EMFILE (the reference
// dropped) if none is free.
int install(mach::PortName name, int status_flags, int descriptor_flags, int lowest = 0);
// Closes `fd` (drops its reference); EBADF if it was not open.
int close(int fd);
// The table a program starts with (exec's), and the one exec passes on:
// every descriptor without FD_CLOEXEC.
void load(const exec::Descriptors& table);
// Whether the program started with no open files at all (a boot task, or
// one a test program spawned): its standard output and error then go to
// the kernel's log, so that what it says is not lost.
bool started_without_files();
void save_for_exec(exec::Descriptors& table);

} // namespace posix::descriptors
