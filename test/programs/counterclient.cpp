// The client of counterserver: typed calls, payload rights handed back,
// and their release when the client drops them.
#include "checks.h"
#include "counter_interface.h"

#include <heap/heap.h>
#include <rpc/client.h>

using namespace counter_test;
using test_checks::check;

namespace {

mach::SelfPorts g_self;

mach::PortName make_counter(uint64_t start)
{
    rpc::Rights<1> got;
    MakeCounter::Reply reply {};
    if (rpc::call<MakeCounter>(g_self.bootstrap, { start }, reply, {}, &got) != Error::none)
        return mach::kNullName;
    return got[0].name;
}

uint64_t increment(mach::PortName counter)
{
    Increment::Reply reply {};
    return rpc::call<Increment>(counter, {}, reply) == Error::none ? reply.value : 0;
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    mach::PortName a = make_counter(10);
    mach::PortName b = make_counter(500);
    check(a != mach::kNullName && b != mach::kNullName, "two_counters_handed_out");
    bool counted = true;
    for (uint64_t i = 1; i <= 200; i++)
        counted = counted && increment(a) == 10 + i;
    check(counted, "200_increments_through_one_right");
    check(increment(b) == 501, "the_other_counter_is_apart");
    Increment::Reply reply {};
    check(
        rpc::call<Increment>(g_self.bootstrap, {}, reply) == Error::invalid_argument, "a_plain_right_names_no_counter");
    check(mach::port_deallocate(g_self.task, a) == Error::none, "first_counter_right_dropped");
    check(increment(b) == 502, "the_server_still_serves");
    // The user heap, over this task's own pages.
    auto* small = static_cast<uint8_t*>(heap::allocate(100).value());
    auto* large = static_cast<uint8_t*>(heap::allocate(20000).value());
    bool kept = small && large;
    if (kept) {
        for (int i = 0; i < 100; i++)
            small[i] = uint8_t(i);
        for (int i = 0; i < 20000; i++)
            large[i] = uint8_t(i * 3);
        for (int i = 0; i < 20000; i++)
            kept = kept && large[i] == uint8_t(i * 3) && (i >= 100 || small[i] == uint8_t(i));
    }
    heap::free(small);
    heap::free(large);
    check(kept, "heap_blocks_small_and_large");
    Stop::Reply stopped {};
    check(rpc::call<Stop>(g_self.bootstrap, {}, stopped) == Error::none, "the_server_stops");
    return test_checks::finish();
}
