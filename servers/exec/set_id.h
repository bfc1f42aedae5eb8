// Set-user-id and set-group-id programs. The exec server holds root's
// auth handle and a root directory of the root file system (startup gives
// them), and uses them for this alone.
//
// Trust: only a program on the root file system counts. The client's own
// file right, root and working directories are whatever it says they are
// (a user's translator can claim any owner and mode), so the program is
// opened again by its absolute path from exec's root directory,
// reauthenticated as the caller (the caller must be allowed to read and
// execute it), in a single lookup that crosses no translator and no
// symbolic link (kNoTranslator: a translator sitting on the program
// itself is passed over too). Anything else — a relative path, a
// translator on the way, a script — runs as an ordinary program, the bits
// ignored (as Linux ignores them on a nosuid mount or a script).
//
// The new program then gets an auth handle with the file's owner (and/or
// group) as effective and saved id, the caller's real ids and groups; a
// root directory that is exec's (trusted) one reauthenticated for it; its
// working directory reauthenticated; and proc is told (Reauthenticate).
#pragma once

#include <exec/init_ports.h>
#include <freestanding/result.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace exec {

// What exec needs for it: root's auth handle, a root directory, its own
// port (the server the caller proves its identity to) and task.
struct SetIdPower {
    mach::PortName auth = mach::kNullName;
    mach::PortName root = mach::kNullName;
    mach::PortName port = mach::kNullName;
    mach::PortName task = mach::kNullName;

    bool held() const { return auth != mach::kNullName && root != mach::kNullName; }
};

// A set-id program, opened and read again from the trusted root: its bytes
// (lib/heap) and the init ports made for it (the caller's own).
struct SetIdProgram {
    uint8_t* bytes = nullptr;
    size_t size = 0;
    InitPorts init; // auth, root and working directory replaced; the rest the caller's
    mach::PortName made[3] = {}; // what was made here, for release()
};

// If the program at `path`, which the client's file says has a set-id bit
// (`mode`), is a trusted one: its image and init ports for its new
// identity (true); false if it is to run as an ordinary program. An
// error if the caller cannot be verified or the new identity not made.
Result<bool> prepare_set_id(
    const SetIdPower& power, const char* path, uint32_t mode, const InitPorts& caller, SetIdProgram& program);

// Gives up what prepare_set_id made (the bytes too).
void release(SetIdProgram& program);

} // namespace exec
