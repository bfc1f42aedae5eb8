// null: reads find the end at once, writes vanish.
#include <fs_server/device_node.h>
#include <fs_server/translator.h>

namespace {

class Null final : public fs::DeviceNode {
public:
    Error read(uint64_t, uint8_t*, uint32_t& amount) override
    {
        amount = 0;
        return Error::none;
    }
};

} // namespace

int main(int, char**, char**)
{
    Result<Null*> node = heap::create<Null>();
    return node.ok() ? fs::run_translator(*node.value(), "") : 2;
}
