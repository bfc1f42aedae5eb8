// The kernel's version, printed in the boot banner.
#pragma once

namespace kern {

constexpr const char* kVersion = "0.1";

} // namespace kern
