// ACPI tables: the RSDP -> RSDT/XSDT -> MADT walk over fake physical
// memory, with good tables and every kind of corruption.
#include <arch/x86_64/acpi_tables.h>
#include <catch.hpp>

#include <cstring>
#include <map>
#include <vector>

namespace {

// Physical memory as a few byte ranges.
struct FakeMemory {
    std::map<uint64_t, std::vector<uint8_t>> ranges;

    static bool read(PhysAddr address, void* out, size_t size, void* context)
    {
        auto& self = *static_cast<FakeMemory*>(context);
        for (auto& [base, bytes] : self.ranges) {
            if (address >= base && address - base + size <= bytes.size()) {
                std::memcpy(out, bytes.data() + (address - base), size);
                return true;
            }
        }
        return false;
    }
};

void put32(std::vector<uint8_t>& b, size_t at, uint32_t v) { std::memcpy(b.data() + at, &v, 4); }
void put64(std::vector<uint8_t>& b, size_t at, uint64_t v) { std::memcpy(b.data() + at, &v, 8); }

void fix_checksum(std::vector<uint8_t>& b, size_t checksum_at, size_t size)
{
    b[checksum_at] = 0;
    uint8_t sum = 0;
    for (size_t i = 0; i < size; i++)
        sum = uint8_t(sum + b[i]);
    b[checksum_at] = uint8_t(-sum);
}

std::vector<uint8_t> table(const char* signature, std::vector<uint8_t> body)
{
    std::vector<uint8_t> t(36);
    std::memcpy(t.data(), signature, 4);
    t.insert(t.end(), body.begin(), body.end());
    put32(t, 4, uint32_t(t.size()));
    fix_checksum(t, 9, t.size());
    return t;
}

std::vector<uint8_t> madt_body()
{
    std::vector<uint8_t> b(8); // local APIC address, flags
    put32(b, 0, 0xfee00000);
    std::vector<uint8_t> io_apic = { 1, 12, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    put32(io_apic, 4, 0xfec00000);
    b.insert(b.end(), io_apic.begin(), io_apic.end());
    std::vector<uint8_t> timer = { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 }; // IRQ 0 -> GSI 2
    std::vector<uint8_t> sci = { 2, 10, 0, 9, 9, 0, 0, 0, 0x0f, 0 }; // IRQ 9: level, active low
    b.insert(b.end(), timer.begin(), timer.end());
    b.insert(b.end(), sci.begin(), sci.end());
    return b;
}

// A machine with an RSDT at 0x1000 and a MADT at 0x2000; returns the RSDP (v1).
std::vector<uint8_t> acpi1(FakeMemory& memory, std::vector<uint8_t> madt = table("APIC", madt_body()))
{
    std::vector<uint8_t> facp = table("FACP", std::vector<uint8_t>(8));
    std::vector<uint8_t> entries(8);
    put32(entries, 0, 0x3000);
    put32(entries, 4, 0x2000);
    memory.ranges[0x1000] = table("RSDT", entries);
    memory.ranges[0x2000] = madt;
    memory.ranges[0x3000] = facp;
    std::vector<uint8_t> rsdp(20);
    std::memcpy(rsdp.data(), "RSD PTR ", 8);
    put32(rsdp, 16, 0x1000);
    fix_checksum(rsdp, 8, 20);
    return rsdp;
}

Result<arch::InterruptTopology> read(const std::vector<uint8_t>& rsdp, FakeMemory& memory)
{
    return arch::read_interrupt_topology(rsdp.data(), rsdp.size(), FakeMemory::read, &memory);
}

} // namespace

TEST_CASE("acpi: the MADT gives the I/O APIC and the ISA overrides", "[acpi]")
{
    FakeMemory memory;
    std::vector<uint8_t> rsdp = acpi1(memory);
    Result<arch::InterruptTopology> topology = read(rsdp, memory);
    REQUIRE(topology.ok());
    REQUIRE(topology.value().io_apic_count == 1);
    CHECK(topology.value().io_apics[0].address == 0xfec00000);
    CHECK(topology.value().io_apics[0].id == 7);
    CHECK(topology.value().isa_route(0).gsi == 2);
    CHECK(topology.value().isa_route(9).level_triggered);
    CHECK(topology.value().isa_route(9).active_low);
    CHECK(topology.value().isa_route(8).gsi == 8);
    CHECK(!topology.value().isa_route(8).level_triggered);
}

TEST_CASE("acpi: an ACPI 2 root pointer leads through the XSDT", "[acpi]")
{
    FakeMemory memory;
    std::vector<uint8_t> rsdp = acpi1(memory);
    std::vector<uint8_t> entries(8);
    put64(entries, 0, 0x2000);
    memory.ranges[0x5000] = table("XSDT", entries);
    memory.ranges[0x1000][0] = 'X'; // a broken RSDT: only the XSDT may be used
    rsdp.resize(36);
    rsdp[15] = 2;
    put32(rsdp, 20, 36);
    put64(rsdp, 24, 0x5000);
    fix_checksum(rsdp, 8, 20);
    fix_checksum(rsdp, 32, 36);
    Result<arch::InterruptTopology> topology = read(rsdp, memory);
    REQUIRE(topology.ok());
    CHECK(topology.value().io_apic_count == 1);
}

TEST_CASE("acpi: corrupt tables are errors, never overruns", "[acpi]")
{
    FakeMemory memory;
    std::vector<uint8_t> rsdp = acpi1(memory);
    SECTION("a bad root pointer checksum")
    {
        rsdp[3] ^= 1;
        CHECK(read(rsdp, memory).error() == Error::invalid_argument);
    }
    SECTION("a short root pointer")
    {
        CHECK(arch::read_interrupt_topology(rsdp.data(), 10, FakeMemory::read, &memory).error()
            == Error::invalid_argument);
    }
    SECTION("an RSDT pointing nowhere")
    {
        put32(rsdp, 16, 0x90000);
        fix_checksum(rsdp, 8, 20);
        CHECK(read(rsdp, memory).error() == Error::bad_address);
    }
    SECTION("a MADT with a bad checksum")
    {
        memory.ranges[0x2000][40] ^= 0xff;
        CHECK(read(rsdp, memory).error() == Error::invalid_argument);
    }
    SECTION("a table claiming to be huge")
    {
        put32(memory.ranges[0x2000], 4, 0x7fffffff);
        CHECK(read(rsdp, memory).error() == Error::invalid_argument);
    }
    SECTION("a table longer than the memory behind it")
    {
        put32(memory.ranges[0x2000], 4, 4000);
        CHECK(read(rsdp, memory).error() == Error::bad_address);
    }
    SECTION("no MADT")
    {
        memory.ranges[0x2000][0] = 'X';
        CHECK(read(rsdp, memory).error() == Error::not_found);
    }
    SECTION("a zero-length entry ends the list instead of looping")
    {
        std::vector<uint8_t> body = madt_body();
        body[8 + 1] = 0; // the I/O APIC entry's length
        FakeMemory broken;
        std::vector<uint8_t> root = acpi1(broken, table("APIC", body));
        Result<arch::InterruptTopology> topology = read(root, broken);
        REQUIRE(topology.ok());
        CHECK(topology.value().io_apic_count == 0);
    }
    SECTION("an entry running past the table is dropped")
    {
        std::vector<uint8_t> body = madt_body();
        body[8 + 12 + 10 + 1] = 200;
        FakeMemory broken;
        std::vector<uint8_t> root = acpi1(broken, table("APIC", body));
        Result<arch::InterruptTopology> topology = read(root, broken);
        REQUIRE(topology.ok());
        CHECK(topology.value().io_apic_count == 1);
        CHECK(topology.value().override_count == 1);
    }
}

namespace {

// A FADT (PM1a control at 0x604, PM1b none, DSDT at 0x5000) and a DSDT
// whose \_S5 package holds `package` (after the name).
std::vector<uint8_t> machine_with_s5(FakeMemory& memory, std::vector<uint8_t> package, size_t padding = 100)
{
    std::vector<uint8_t> fadt_body(148 - 36);
    put32(fadt_body, 40 - 36, 0x5000);
    put32(fadt_body, 64 - 36, 0x604);
    std::vector<uint8_t> aml(padding, 0x5b); // other AML before it
    const uint8_t name[] = { 0x08, '_', 'S', '5', '_' };
    aml.insert(aml.end(), name, name + sizeof(name));
    aml.insert(aml.end(), package.begin(), package.end());
    std::vector<uint8_t> rsdp = acpi1(memory);
    memory.ranges[0x3000] = table("FACP", fadt_body);
    memory.ranges[0x5000] = table("DSDT", aml);
    return rsdp;
}

} // namespace

TEST_CASE("acpi: soft-off comes from the FADT's PM1 control and the DSDT's \\_S5", "[acpi]")
{
    FakeMemory memory;
    // Package(4) { 5, One, Zero, Zero } as iasl writes it.
    std::vector<uint8_t> rsdp = machine_with_s5(memory, { 0x12, 0x08, 0x04, 0x0a, 0x05, 0x01, 0x00, 0x00 });
    Result<arch::PowerControl> power = arch::read_power_control(rsdp.data(), rsdp.size(), FakeMemory::read, &memory);
    REQUIRE(power.ok());
    CHECK(power.value().pm1a_control == 0x604);
    CHECK(power.value().pm1b_control == 0);
    CHECK(power.value().sleep_type_a == 5);
    CHECK(power.value().sleep_type_b == 1);
    // A DSDT bigger than one window, \_S5 across the window's edge.
    FakeMemory big;
    rsdp = machine_with_s5(big, { 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00 }, 4088);
    Result<arch::PowerControl> across = arch::read_power_control(rsdp.data(), rsdp.size(), FakeMemory::read, &big);
    REQUIRE(across.ok());
    CHECK(across.value().sleep_type_a == 0);
}

TEST_CASE("acpi: no \\_S5, a broken package or no FADT is an error", "[acpi]")
{
    FakeMemory memory;
    std::vector<uint8_t> rsdp = machine_with_s5(memory, { 0x13, 0x08 }); // not a package
    CHECK(arch::read_power_control(rsdp.data(), rsdp.size(), FakeMemory::read, &memory).error() == Error::not_found);
    FakeMemory cut;
    rsdp = machine_with_s5(cut, { 0x12, 0x08, 0x04 }); // ends inside the package
    CHECK(arch::read_power_control(rsdp.data(), rsdp.size(), FakeMemory::read, &cut).error() == Error::not_found);
    FakeMemory short_fadt;
    rsdp = acpi1(short_fadt); // its FADT is too short to hold PM1 control
    CHECK(arch::read_power_control(rsdp.data(), rsdp.size(), FakeMemory::read, &short_fadt).error()
        == Error::invalid_argument);
}
