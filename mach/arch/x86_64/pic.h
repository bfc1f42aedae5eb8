// The legacy 8259 interrupt controllers. Portico uses the local APIC (and
// later the I/O APIC), so the 8259s are moved off the exception vectors and
// masked entirely.
#pragma once

namespace arch {

// Remaps the 8259s to vectors 0x20-0x2f and masks every line.
void disable_legacy_pic();

} // namespace arch
