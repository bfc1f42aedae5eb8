// The termios flag bits and control-character slots the line discipline
// acts on: Linux's values (the C library passes termios through as is).
#pragma once

#include <stdint.h>

namespace term::bits {

// c_iflag
constexpr uint32_t kInlcr = 0000100; // input NL → CR
constexpr uint32_t kIgncr = 0000200; // drop input CR
constexpr uint32_t kIcrnl = 0000400; // input CR → NL
// c_oflag
constexpr uint32_t kOpost = 0000001;
constexpr uint32_t kOnlcr = 0000004; // output NL → CR NL
// c_cflag: what a serial line of 8 data bits reads as
constexpr uint32_t kCs8 = 0000060;
constexpr uint32_t kCread = 0000200;
// c_lflag
constexpr uint32_t kIsig = 0000001;
constexpr uint32_t kIcanon = 0000002;
constexpr uint32_t kEcho = 0000010;
constexpr uint32_t kEchoe = 0000020;
constexpr uint32_t kEchok = 0000040;
constexpr uint32_t kEchonl = 0000100;
constexpr uint32_t kNoflsh = 0000200;
constexpr uint32_t kEchoctl = 0001000;
constexpr uint32_t kIexten = 0100000;
// c_cc slots
constexpr uint32_t kVintr = 0;
constexpr uint32_t kVquit = 1;
constexpr uint32_t kVerase = 2;
constexpr uint32_t kVkill = 3;
constexpr uint32_t kVeof = 4;
constexpr uint32_t kVtime = 5;
constexpr uint32_t kVmin = 6;
constexpr uint32_t kVsusp = 10;
constexpr uint32_t kVeol = 11;
constexpr uint32_t kVwerase = 14;
// Baud rate code of 115200 (B115200).
constexpr uint32_t kB115200 = 0010002;

// Signals the keyboard sends (Linux's numbers).
constexpr int32_t kSigint = 2;
constexpr int32_t kSigquit = 3;
constexpr int32_t kSigtstp = 20;

} // namespace term::bits
