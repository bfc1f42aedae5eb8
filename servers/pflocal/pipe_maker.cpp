#include "pipe_maker.h"

#include <freestanding/text.h>

namespace pflocal {

Error PipeMaker::lookup(const char* name, fs::Node*& found)
{
    if (!freestanding::same_text(name, kPipeName))
        return Error::not_found;
    // The new pipe's one reference is the caller's: it goes with the last peropen.
    found = TRY(heap::create<fs::Pipe>());
    return Error::none;
}

} // namespace pflocal
