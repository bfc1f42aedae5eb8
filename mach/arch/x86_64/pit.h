// The 8254 programmable interval timer, used only as a reference clock to
// calibrate the time-stamp counter and the local APIC timer at boot.
#pragma once

#include <stdint.h>

namespace arch {

// Runs PIT channel 2 for `microseconds` (at most 50000) and busy-waits until
// it expires. Returns false if the PIT never signalled (no PIT, or a broken
// one): the caller must then not trust the measurement.
bool pit_wait(uint32_t microseconds);

} // namespace arch
