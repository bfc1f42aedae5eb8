// Self tests of user address spaces on the live kernel: regions, demand-zero
// pages, protection, and that destroying a space gives back every frame.
// (copy_from_user/copy_to_user are exercised by user programs in
// test/system/test_user.py, where a task owns the space.)
#include <kernel/ktest.h>
#include <vm/address_space.h>
#include <vm/frame_allocator.h>

namespace {

constexpr VirtAddr kFixed = 0x10000000;

// Free frames once the address-space slab cache holds its page (the first
// space ever made takes one that stays as the cache's spare).
size_t free_frames_after_warm_up()
{
    Result<vm::AddressSpace*> warm_up = vm::AddressSpace::create();
    if (warm_up.ok())
        vm::AddressSpace::destroy(warm_up.value());
    return vm::frame_allocator().free_frames();
}

} // namespace

KTEST(vm_space_regions_and_demand_zero)
{
    size_t free_before = free_frames_after_warm_up();
    size_t spaces_before = vm::AddressSpace::live_count();
    Result<vm::AddressSpace*> created = vm::AddressSpace::create();
    KEXPECT(created.ok());
    if (!created.ok())
        return;
    vm::AddressSpace& space = *created.value();

    KEXPECT(space.allocate(kFixed, 3 * vm::kPageSize, vm::Protection::read_write, false).value() == kFixed);
    KEXPECT(space.allocate(kFixed + vm::kPageSize, vm::kPageSize, vm::Protection::read, false).error()
        == Error::already_exists);
    KEXPECT(space.allocate(kFixed + 1, vm::kPageSize, vm::Protection::read, false).error() == Error::invalid_argument);
    KEXPECT(space.allocate(0, 0, vm::Protection::read, true).error() == Error::invalid_argument);
    Result<VirtAddr> anywhere = space.allocate(kFixed, vm::kPageSize, vm::Protection::read, true);
    KEXPECT(anywhere.ok() && anywhere.value() == kFixed + 3 * vm::kPageSize);
    KEXPECT(space.resident_pages() == 0);

    uint64_t value = 0x5eed;
    KEXPECT(space.write(kFixed + vm::kPageSize + 8, &value, sizeof(value)).ok());
    KEXPECT(space.resident_pages() == 1);
    uint64_t read_back[2] = { 1, 1 };
    KEXPECT(space.read(kFixed + vm::kPageSize, read_back, sizeof(read_back)).ok());
    KEXPECT(read_back[0] == 0 && read_back[1] == 0x5eed);
    KEXPECT(space.write(0x50000000, &value, sizeof(value)).error() == Error::bad_address);

    KEXPECT(space.handle_fault(kFixed, true, false).ok());
    KEXPECT(space.handle_fault(anywhere.value(), true, false).error() == Error::permission_denied);
    KEXPECT(space.handle_fault(kFixed, false, true).error() == Error::permission_denied);
    KEXPECT(space.handle_fault(0x50000000, false, false).error() == Error::bad_address);

    KEXPECT(space.protect(kFixed, vm::kPageSize, vm::Protection::read).ok());
    KEXPECT(space.handle_fault(kFixed, true, false).error() == Error::permission_denied);
    KEXPECT(space.protect(0x50000000, vm::kPageSize, vm::Protection::read).error() == Error::not_found);
    KEXPECT(space.deallocate(kFixed + vm::kPageSize, vm::kPageSize).ok());
    KEXPECT(space.resident_pages() == 1);
    KEXPECT(space.read(kFixed + vm::kPageSize, read_back, 8).error() == Error::bad_address);

    vm::AddressSpace::destroy(&space);
    KEXPECT(vm::AddressSpace::live_count() == spaces_before);
    KEXPECT(vm::frame_allocator().free_frames() == free_before);
}
