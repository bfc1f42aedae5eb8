// User address spaces (mach/vm) driven by random operations against a
// page-granular reference model: allocate (fixed and anywhere), deallocate
// cuts, protect, map_object, map_copy, snapshots, fork, faults, kernel reads
// and writes, and squeezing the space's memory account so that a change
// that needs room fails. After each failure nothing may have changed (every
// split is all-or-nothing); periodically the regions, their protections, the
// resident pages and every resident byte are compared with the model; every
// few thousand operations everything is freed and the free-frame count, the
// kernel heap and the live-object counts must be back at their baselines
// (no leak; a double free aborts in the frame allocator).
//
// The kernel's frame allocator and heap are the real ones over fake RAM.
// `make check` runs 10^6 operations ("[vm]", about 5 s of CPU under
// ASan); the soak run ("[vm-soak]", hidden: ./build/unit_tests "[vm-soak]")
// runs 10^7 with another seed.
#include <catch.hpp>
#include <support/fake_ram.h>
#include <vm/address_space.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/memory_account.h>
#include <vm/memory_object.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using vm::AddressSpace;
using vm::MemoryObject;
using vm::Protection;

constexpr size_t kPage = vm::kPageSize;
// The model covers a window at the bottom of user space: every mapping the
// test makes lands there, so "anywhere" placement is predictable.
constexpr VirtAddr kBase = vm::kUserBottom;
constexpr size_t kWindowPages = 512;
constexpr size_t kMaxRun = 24; // pages in one operation at most
constexpr uint64_t kRamBase = 64ull << 20, kRamSize = 256ull << 20;

// The frame allocator and the heap of the kernel, over fake RAM, for the whole run.
void start_kernel_memory()
{
    struct Ram {
        test_support::FakeRam ram { kRamBase, kRamSize };
        Ram()
        {
            kern::MemoryRegion region { kRamBase, kRamSize, kern::MemoryType::usable };
            REQUIRE(vm::frame_allocator().init(&region, 1, nullptr, 0, ram.window()).ok());
        }
    };
    static Ram ram;
    kern::heap_init(kern::kernel_page_provider(), vm::frame_allocator());
}

// Free frames once every cache the address spaces use holds its one spare
// slab (see freestanding/slab.h): from then on, whenever everything is
// freed, the count comes back exactly.
size_t free_frames_with_warm_caches()
{
    for (size_t size = 16; size <= kern::Heap::kMaxSmallSize; size *= 2) // each size class
        kern::heap_free(kern::heap_allocate(size).release_value());
    AddressSpace* space = AddressSpace::create().release_value();
    MemoryObject::create(kPage, &space->account()).release_value()->release();
    AddressSpace::destroy(space);
    return vm::frame_allocator().free_frames();
}

struct ObjectModel {
    MemoryObject* object;
    std::vector<uint8_t> values; // byte 0 of each page
    std::vector<bool> present; // the object holds a frame for the page
};

struct PageModel {
    bool mapped = false;
    Protection protection = Protection::none;
    std::shared_ptr<ObjectModel> object; // null: anonymous memory
    size_t object_page = 0;
    uint8_t value = 0; // anonymous memory's byte 0
    bool resident = false; // mapped in the space's page table
};

struct SpaceModel {
    AddressSpace* space = nullptr;
    std::vector<PageModel> pages = std::vector<PageModel>(kWindowPages);
};

VirtAddr address_of(size_t page) { return kBase + page * kPage; }

class Run {
public:
    explicit Run(uint64_t seed)
        : m_random(seed)
        , m_seed(seed)
    {
    }

    void operations(size_t count)
    {
        m_baseline_frames = free_frames_with_warm_caches();
        start_fresh();
        for (m_op = 0; m_op < count; ++m_op) {
            one_operation();
            if (m_op % 64 == 63)
                check_spaces();
            if (m_op % 8192 == 8191) {
                check_no_leak();
                start_fresh();
            }
        }
        check_spaces();
        check_no_leak();
    }

private:
    // -- checks --------------------------------------------------------------

    void expect(bool condition, const char* what)
    {
        if (condition)
            return;
        FAIL(std::string(what) + " (last: " + m_last_kind + ", operation " + std::to_string(m_op) + ", seed "
            + std::to_string(m_seed) + ")");
    }

    static uint8_t value_of(const PageModel& page)
    {
        return page.object ? page.object->values[page.object_page] : page.value;
    }

    void check_space(SpaceModel& model)
    {
        AddressSpace& space = *model.space;
        size_t covered = 0;
        VirtAddr previous_end = 0;
        bool previous_anonymous = false;
        Protection previous_protection = Protection::none;
        space.for_each_region([&](const AddressSpace::RegionView& region) {
            expect(region.start >= kBase && region.end <= address_of(kWindowPages), "region outside the window");
            expect(region.start >= previous_end && region.start < region.end, "regions out of order");
            expect(!(region.start == previous_end && region.anonymous && previous_anonymous
                       && region.protection == previous_protection),
                "touching anonymous regions of one protection not merged");
            for (VirtAddr at = region.start; at < region.end; at += kPage) {
                const PageModel& page = model.pages[(at - kBase) / kPage];
                expect(page.mapped, "a region where the model has nothing");
                expect(page.protection == region.protection, "protection differs");
                expect(region.anonymous == !page.object, "backing differs");
            }
            covered += (region.end - region.start) / kPage;
            previous_end = region.end;
            previous_anonymous = region.anonymous;
            previous_protection = region.protection;
        });
        size_t mapped = 0, resident = 0;
        for (size_t i = 0; i < kWindowPages; ++i) {
            const PageModel& page = model.pages[i];
            mapped += page.mapped;
            resident += page.resident;
            if (!page.resident)
                continue;
            uint8_t byte = 0xee;
            expect(space.read(address_of(i), &byte, 1).ok(), "reading a resident page");
            if (byte != value_of(page))
                expect(false,
                    ("page " + std::to_string(i) + (page.object ? " (object)" : " (anonymous)") + " reads "
                        + std::to_string(byte) + ", the model says " + std::to_string(value_of(page)))
                        .c_str());
        }
        expect(covered == mapped, "the model maps pages no region covers");
        expect(space.resident_pages() == resident, "resident page count differs");
    }

    void check_spaces()
    {
        for (SpaceModel& model : m_spaces) {
            if (model.space)
                check_space(model);
        }
    }

    // Frees everything; the frames, the heap and the objects are back at their baselines.
    void check_no_leak()
    {
        for (SpaceModel& model : m_spaces) {
            if (model.space)
                AddressSpace::destroy(model.space);
            model = SpaceModel {};
        }
        for (const std::shared_ptr<ObjectModel>& handle : m_handles)
            handle->object->release();
        m_handles.clear();
        expect(AddressSpace::live_count() == 0, "an address space leaked");
        expect(MemoryObject::live_count() == 0, "a memory object leaked");
        expect(vm::MemoryAccount::live_count() == 0, "a memory account leaked");
        expect(kern::heap_bytes_in_use() == 0, "kernel heap leaked");
        expect(vm::frame_allocator().free_frames() == m_baseline_frames, "frames leaked");
    }

    void start_fresh()
    {
        m_spaces[0].space = AddressSpace::create().release_value();
        m_spaces[1] = SpaceModel {};
    }

    // -- randomness ----------------------------------------------------------

    size_t below(size_t limit) { return std::uniform_int_distribution<size_t>(0, limit - 1)(m_random); }
    bool one_in(size_t n) { return below(n) == 0; }

    Protection any_protection()
    {
        static constexpr Protection kChoices[] = { Protection::none, Protection::read, Protection::read_write,
            Protection::read_execute, Protection::read_write | Protection::execute };
        return kChoices[below(5)];
    }

    struct Range {
        size_t first; // page index in the window
        size_t pages;
    };
    Range any_range()
    {
        size_t pages = 1 + below(kMaxRun);
        size_t first = below(kWindowPages - pages + 1);
        return { first, pages };
    }

    SpaceModel& any_space()
    {
        if (m_spaces[1].space && one_in(2))
            return m_spaces[1];
        return m_spaces[0];
    }

    // -- the model's answers ---------------------------------------------------

    static bool is_free(const SpaceModel& model, Range range)
    {
        for (size_t i = range.first; i < range.first + range.pages; ++i) {
            if (model.pages[i].mapped)
                return false;
        }
        return true;
    }

    // The lowest free run of `pages` in the window, or kWindowPages.
    static size_t lowest_fit(const SpaceModel& model, size_t pages)
    {
        size_t run = 0;
        for (size_t i = 0; i < kWindowPages; ++i) {
            run = model.pages[i].mapped ? 0 : run + 1;
            if (run == pages)
                return i + 1 - pages;
        }
        return kWindowPages;
    }

    // An operation that may need room failed only if the account was squeezed.
    bool refused(Error error) { return m_squeezed && error == Error::no_space; }

    // -- operations ------------------------------------------------------------

    void one_operation()
    {
        SpaceModel& model = any_space();
        m_last_kind = "?";
        m_squeezed = one_in(16);
        vm::MemoryAccount& account = model.space->account();
        account.reference(); // a fork may destroy the space meanwhile
        if (m_squeezed)
            account.set_limits(account.bytes(), account.objects());
        switch (below(14)) {
        case 0: allocate_fixed(model); break;
        case 1: allocate_anywhere(model); break;
        case 2:
        case 3: deallocate(model); break;
        case 4:
        case 5: protect(model); break;
        case 6: map_object(model); break;
        case 7: fault(model); break;
        case 8: write_byte(model); break;
        case 9: read_byte(model); break;
        case 10: snapshot(model); break;
        case 11: map_copy(model); break;
        case 12: one_in(8) ? fork() : drop_handle(); break;
        default: write_byte(model); break;
        }
        account.set_limits(vm::MemoryAccount::kDefaultByteLimit, vm::MemoryAccount::kDefaultObjectLimit);
        account.release();
    }

    void map_anonymous(SpaceModel& model, Range range, Protection protection)
    {
        for (size_t i = range.first; i < range.first + range.pages; ++i)
            model.pages[i] = PageModel { true, protection, nullptr, 0, 0, false };
    }

    void allocate_fixed(SpaceModel& model)
    {
        m_last_kind = "allocate_fixed";
        Range range = any_range();
        Protection protection = any_protection();
        Result<VirtAddr> placed
            = model.space->allocate(address_of(range.first), range.pages * kPage, protection, false);
        if (!is_free(model, range)) {
            expect(!placed.ok() && placed.error() == Error::already_exists, "allocate over a mapping");
            return;
        }
        if (!placed.ok()) {
            expect(refused(placed.error()), "allocate failed");
            return;
        }
        expect(placed.value() == address_of(range.first), "allocate moved");
        map_anonymous(model, range, protection);
    }

    void allocate_anywhere(SpaceModel& model)
    {
        m_last_kind = "allocate_anywhere";
        size_t pages = 1 + below(kMaxRun);
        size_t first = lowest_fit(model, pages);
        if (first == kWindowPages)
            return; // would land outside the window
        Protection protection = any_protection();
        Result<VirtAddr> placed = model.space->allocate(0, pages * kPage, protection, true);
        if (!placed.ok()) {
            expect(refused(placed.error()), "allocate anywhere failed");
            return;
        }
        expect(placed.value() == address_of(first), "allocate anywhere: not the lowest fit");
        map_anonymous(model, { first, pages }, protection);
    }

    void deallocate(SpaceModel& model)
    {
        m_last_kind = "deallocate";
        Range range = any_range();
        Result<void> done = model.space->deallocate(address_of(range.first), range.pages * kPage);
        if (!done.ok()) {
            expect(refused(done.error()), "deallocate failed");
            return;
        }
        for (size_t i = range.first; i < range.first + range.pages; ++i)
            model.pages[i] = PageModel {};
    }

    void protect(SpaceModel& model)
    {
        m_last_kind = "protect";
        Range range = any_range();
        Protection protection = any_protection();
        Result<void> done = model.space->protect(address_of(range.first), range.pages * kPage, protection);
        bool mapped = true;
        for (size_t i = range.first; i < range.first + range.pages; ++i)
            mapped = mapped && model.pages[i].mapped;
        if (!mapped) {
            expect(!done.ok() && done.error() == Error::not_found, "protect of a hole");
            return;
        }
        if (!done.ok()) {
            expect(refused(done.error()), "protect failed");
            return;
        }
        for (size_t i = range.first; i < range.first + range.pages; ++i)
            model.pages[i].protection = protection;
    }

    // A handle on an object: an existing one, or a new one.
    std::shared_ptr<ObjectModel> any_object(SpaceModel& model)
    {
        if (!m_handles.empty() && !one_in(3))
            return m_handles[below(m_handles.size())];
        size_t pages = 1 + below(2 * kMaxRun);
        Result<MemoryObject*> created = MemoryObject::create(pages * kPage, &model.space->account());
        if (!created.ok()) {
            expect(refused(created.error()), "memory_object_create failed");
            return nullptr;
        }
        auto object = std::make_shared<ObjectModel>(
            ObjectModel { created.value(), std::vector<uint8_t>(pages), std::vector<bool>(pages) });
        m_handles.push_back(object);
        return object;
    }

    void map_object(SpaceModel& model)
    {
        m_last_kind = "map_object";
        std::shared_ptr<ObjectModel> object = any_object(model);
        if (!object)
            return;
        size_t offset = below(object->values.size());
        size_t pages = 1 + below(object->values.size() - offset);
        Protection protection = any_protection();
        bool anywhere = one_in(2);
        size_t first = anywhere ? lowest_fit(model, pages) : below(kWindowPages - pages + 1);
        if (first == kWindowPages)
            return;
        Result<VirtAddr> placed = model.space->map_object(
            address_of(anywhere ? 0 : first), pages * kPage, *object->object, offset * kPage, protection, anywhere);
        if (!is_free(model, { first, pages })) {
            expect(!placed.ok() && placed.error() == Error::already_exists, "map_object over a mapping");
            return;
        }
        if (!placed.ok()) {
            expect(refused(placed.error()), "map_object failed");
            return;
        }
        expect(placed.value() == address_of(first), "map_object placed elsewhere");
        for (size_t i = 0; i < pages; ++i)
            model.pages[first + i] = PageModel { true, protection, object, offset + i, 0, false };
    }

    // The page became resident through this space (an object's page exists now).
    static void touched(PageModel& page)
    {
        page.resident = true;
        if (page.object)
            page.object->present[page.object_page] = true;
    }

    void fault(SpaceModel& model)
    {
        m_last_kind = "fault";
        size_t index = below(kWindowPages);
        PageModel& page = model.pages[index];
        bool write = one_in(2);
        Result<void> done = model.space->handle_fault(address_of(index) + below(kPage), write, false);
        Protection wanted = write ? Protection::write : Protection::read;
        if (!page.mapped) {
            expect(!done.ok() && done.error() == Error::bad_address, "fault on nothing");
        } else if (page.protection == Protection::none || !vm::allows(page.protection, wanted)) {
            expect(!done.ok() && done.error() == Error::permission_denied, "fault not refused");
        } else if (!done.ok()) {
            expect(refused(done.error()), "fault failed");
        } else {
            touched(page);
        }
    }

    void write_byte(SpaceModel& model)
    {
        m_last_kind = "write_byte";
        size_t index = below(kWindowPages);
        PageModel& page = model.pages[index];
        uint8_t value = uint8_t(1 + below(255));
        Result<void> done = model.space->write(address_of(index), &value, 1);
        if (!page.mapped) {
            expect(!done.ok() && done.error() == Error::bad_address, "write to nothing");
            return;
        }
        if (!done.ok()) {
            expect(refused(done.error()), "write failed");
            return;
        }
        touched(page);
        (page.object ? page.object->values[page.object_page] : page.value) = value;
    }

    void read_byte(SpaceModel& model)
    {
        m_last_kind = "read_byte";
        size_t index = below(kWindowPages);
        PageModel& page = model.pages[index];
        uint8_t value = 0xee;
        Result<void> done = model.space->read(address_of(index), &value, 1);
        if (!page.mapped) {
            expect(!done.ok() && done.error() == Error::bad_address, "read of nothing");
            return;
        }
        if (!done.ok()) {
            expect(refused(done.error()), "read failed");
            return;
        }
        touched(page);
        expect(value == value_of(page), "read a wrong byte");
    }

    // Maps `pages` of a (model) object as private memory at the lowest fit.
    void map_private_copy(SpaceModel& model, const ObjectModel& source, size_t offset, size_t pages,
        Protection protection, bool as_snapshot)
    {
        size_t first = lowest_fit(model, pages);
        if (first == kWindowPages)
            return;
        Result<VirtAddr> placed = as_snapshot
            ? model.space->map_snapshot(*source.object, 0, protection)
            : model.space->map_copy(0, pages * kPage, *source.object, offset * kPage, protection, true);
        if (!placed.ok()) {
            expect(refused(placed.error()), "mapping a copy failed");
            return;
        }
        expect(placed.value() == address_of(first), "a copy placed elsewhere");
        for (size_t i = 0; i < pages; ++i) {
            bool present = source.present[offset + i];
            model.pages[first + i] = PageModel { true, protection, nullptr, 0, source.values[offset + i], present };
        }
    }

    // An out-of-line send to oneself: a snapshot of a range, mapped anywhere.
    void snapshot(SpaceModel& model)
    {
        m_last_kind = "snapshot";
        Range range = any_range();
        Result<MemoryObject*> taken = model.space->snapshot(address_of(range.first), range.pages * kPage);
        Error expected = Error::none;
        for (size_t i = range.first; i < range.first + range.pages && expected == Error::none; ++i) {
            if (!model.pages[i].mapped)
                expected = Error::bad_address;
            else if (!vm::allows(model.pages[i].protection, Protection::read))
                expected = Error::permission_denied;
        }
        if (expected != Error::none) {
            expect(!taken.ok() && taken.error() == expected, "snapshot not refused");
            return;
        }
        if (!taken.ok()) {
            expect(refused(taken.error()), "snapshot failed");
            return;
        }
        ObjectModel source { taken.value(), {}, {} };
        for (size_t i = range.first; i < range.first + range.pages; ++i) {
            const PageModel& page = model.pages[i];
            source.values.push_back(value_of(page));
            source.present.push_back(page.object ? page.object->present[page.object_page] : page.resident);
        }
        map_private_copy(model, source, 0, range.pages, any_protection(), true);
        taken.value()->release();
    }

    void map_copy(SpaceModel& model)
    {
        m_last_kind = "map_copy";
        std::shared_ptr<ObjectModel> object = any_object(model);
        if (!object)
            return;
        size_t offset = below(object->values.size());
        size_t pages = 1 + below(object->values.size() - offset);
        map_private_copy(model, *object, offset, pages, any_protection(), false);
    }

    // The second space becomes a fork of the first.
    void fork()
    {
        m_last_kind = "fork";
        if (m_spaces[1].space)
            AddressSpace::destroy(m_spaces[1].space);
        SpaceModel child;
        child.space = AddressSpace::create().release_value();
        Result<void> copied = m_spaces[0].space->fork_into(*child.space);
        if (!copied.ok()) {
            expect(refused(copied.error()), "fork failed");
            AddressSpace::destroy(child.space);
            m_spaces[1] = SpaceModel {};
            return;
        }
        for (size_t i = 0; i < kWindowPages; ++i) {
            child.pages[i] = m_spaces[0].pages[i];
            if (child.pages[i].object)
                child.pages[i].resident = false; // shared memory is faulted in again
        }
        m_spaces[1] = child;
    }

    void drop_handle()
    {
        m_last_kind = "drop_handle";
        if (m_handles.empty())
            return;
        size_t index = below(m_handles.size());
        m_handles[index]->object->release();
        m_handles.erase(m_handles.begin() + long(index));
    }

    std::mt19937_64 m_random;
    uint64_t m_seed;
    size_t m_op = 0;
    bool m_squeezed = false;
    const char* m_last_kind = "";
    size_t m_baseline_frames = 0;
    SpaceModel m_spaces[2];
    std::vector<std::shared_ptr<ObjectModel>> m_handles;
};

} // namespace

TEST_CASE("address spaces follow a page-granular model for 10^6 random operations", "[vm]")
{
    start_kernel_memory();
    Run(13).operations(1'000'000);
}

TEST_CASE("address spaces follow the model for 10^7 random operations (soak)", "[.][vm-soak]")
{
    start_kernel_memory();
    Run(1'000'013).operations(10'000'000);
}

TEST_CASE("a memory object costs kernel memory for its resident pages only", "[vm]")
{
    start_kernel_memory();
    AddressSpace* space = AddressSpace::create().release_value();
    vm::MemoryAccount& account = space->account();
    size_t heap_before = kern::heap_bytes_in_use();
    MemoryObject* object = MemoryObject::create(MemoryObject::kMaxSize, &account).release_value();
    // 256 MiB claimed, nothing present: no page index at all.
    CHECK(object->index_bytes() == 0);
    CHECK(kern::heap_bytes_in_use() - heap_before == 0);
    REQUIRE(object->populate(65535).ok());
    CHECK(object->index_bytes() == 3 * vm::PageIndex::kNodeBytes); // one path of three levels
    CHECK(account.bytes() >= object->index_bytes());
    CHECK(object->frame_at(65535) != 0);
    CHECK(object->frame_at(0) == 0);
    object->release();
    CHECK(kern::heap_bytes_in_use() == heap_before);

    // Past the account's limits its creator gets no_space, and nothing leaks.
    account.set_limits(account.bytes(), vm::MemoryAccount::kDefaultObjectLimit);
    MemoryObject* squeezed = MemoryObject::create(kPage * 4, &account).release_value();
    CHECK(squeezed->populate(0).error() == Error::no_space);
    squeezed->release();
    account.set_limits(vm::MemoryAccount::kDefaultByteLimit, 2);
    MemoryObject* first = MemoryObject::create(kPage, &account).release_value();
    MemoryObject* second = MemoryObject::create(kPage, &account).release_value();
    CHECK(MemoryObject::create(kPage, &account).error() == Error::no_space);
    first->release();
    second->release();
    AddressSpace::destroy(space);
    CHECK(MemoryObject::live_count() == 0);
    CHECK(vm::MemoryAccount::live_count() == 0);
    CHECK(kern::heap_bytes_in_use() == 0);
}

TEST_CASE("a user space's page tables are charged to its account", "[vm]")
{
    start_kernel_memory();
    AddressSpace* space = AddressSpace::create().release_value();
    vm::MemoryAccount& account = space->account();
    // Two pages far apart: each needs tables of its own below the root.
    const VirtAddr near = 0x40000000, far = 0x100000000000;
    REQUIRE(space->allocate(near, kPage, vm::Protection::read_write, false).ok());
    REQUIRE(space->allocate(far, kPage, vm::Protection::read_write, false).ok());
    uint64_t before = account.bytes();
    uint8_t byte = 1;
    REQUIRE(space->write(near, &byte, 1).ok()); // a page directory pointer table, a directory, a table
    CHECK(account.bytes() == before + 3 * kPage);
    // No room for the far page's tables: its creator is refused, nothing is kept.
    account.set_limits(account.bytes(), vm::MemoryAccount::kDefaultObjectLimit);
    size_t resident = space->resident_pages();
    size_t free_frames = vm::frame_allocator().free_frames();
    CHECK(space->write(far, &byte, 1).error() == Error::no_space);
    CHECK(space->resident_pages() == resident);
    CHECK(vm::frame_allocator().free_frames() == free_frames);
    CHECK(account.bytes() == before + 3 * kPage);
    AddressSpace::destroy(space);
    CHECK(vm::MemoryAccount::live_count() == 0);
}

TEST_CASE("an address space holds thousands of regions, and a cut that cannot fit changes nothing", "[vm]")
{
    start_kernel_memory();
    size_t free_before = free_frames_with_warm_caches();
    AddressSpace* space = AddressSpace::create().release_value();
    constexpr size_t kRegions = 3000;
    REQUIRE(space->allocate(kBase, 2 * kRegions * kPage, Protection::read_write, false).ok());
    for (size_t i = 0; i < 2 * kRegions; ++i)
        REQUIRE(space->write(kBase + i * kPage, &i, sizeof(i)).ok());
    // Every other page cut out: 3000 regions where there was one.
    for (size_t i = 0; i < kRegions; ++i)
        REQUIRE(space->deallocate(kBase + (2 * i + 1) * kPage, kPage).ok());
    CHECK(space->region_count() == kRegions);
    CHECK(space->resident_pages() == kRegions);
    // A cut in the middle of a region when the table cannot grow: refused whole.
    REQUIRE(space->allocate(0x40000000, 64 * kPage, Protection::read_write, false).ok());
    REQUIRE(space->write(0x40000000 + 10 * kPage, "x", 1).ok());
    vm::MemoryAccount& account = space->account();
    account.set_limits(account.bytes(), vm::MemoryAccount::kDefaultObjectLimit);
    Error added = Error::none;
    for (size_t i = 0; added == Error::none; ++i) { // fill the table to its last slot
        Result<VirtAddr> placed = space->allocate(0x50000000 + 2 * kPage * i, kPage, Protection::read, false);
        added = placed.ok() ? Error::none : placed.error();
    }
    CHECK(added == Error::no_space);
    size_t count = space->region_count();
    CHECK(space->deallocate(0x40000000 + kPage, kPage).error() == Error::no_space);
    CHECK(space->protect(0x40000000 + kPage, kPage, Protection::read).error() == Error::no_space);
    CHECK(space->region_count() == count);
    CHECK(space->deallocate(0x50000000, kPage).ok()); // a whole region needs no room
    CHECK(space->region_count() == count - 1);
    char byte = 0;
    CHECK(space->read(0x40000000 + 10 * kPage, &byte, 1).ok());
    CHECK(byte == 'x');
    account.set_limits(vm::MemoryAccount::kDefaultByteLimit, vm::MemoryAccount::kDefaultObjectLimit);
    for (size_t i = 0; i < kRegions; ++i) {
        size_t value = 0;
        REQUIRE(space->read(kBase + 2 * i * kPage, &value, sizeof(value)).ok());
        REQUIRE(value == 2 * i);
    }
    AddressSpace::destroy(space);
    CHECK(vm::frame_allocator().free_frames() == free_before);
    CHECK(kern::heap_bytes_in_use() == 0);
}
