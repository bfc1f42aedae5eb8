// zero: reads give zeros without end, writes vanish.
#include <fs_server/device_node.h>
#include <fs_server/translator.h>

namespace {

class Zero final : public fs::DeviceNode {
public:
    Error read(uint64_t, uint8_t* out, uint32_t& amount) override
    {
        for (uint32_t i = 0; i < amount; i++)
            out[i] = 0;
        return Error::none;
    }
};

} // namespace

int main(int, char**, char**)
{
    Result<Zero*> node = heap::create<Zero>();
    return node.ok() ? fs::run_translator(*node.value(), "") : 2;
}
