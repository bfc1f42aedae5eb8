#include <arch/x86_64/acpi_tables.h>
#include <freestanding/string.h>

namespace arch {
namespace {

constexpr size_t kRsdpV1Size = 20;
constexpr size_t kRsdpV2Size = 36;
constexpr size_t kHeaderSize = 36; // every system description table starts so
constexpr size_t kMadtEntriesOffset = 44;
constexpr uint8_t kMadtIoApic = 1;
constexpr uint8_t kMadtOverride = 2;

uint32_t read_u32(const uint8_t* bytes)
{
    uint32_t value;
    memcpy(&value, bytes, sizeof(value));
    return value;
}

uint64_t read_u64(const uint8_t* bytes)
{
    uint64_t value;
    memcpy(&value, bytes, sizeof(value));
    return value;
}

bool sums_to_zero(const uint8_t* bytes, size_t size)
{
    uint8_t sum = 0;
    for (size_t i = 0; i < size; i++)
        sum = uint8_t(sum + bytes[i]);
    return sum == 0;
}

// One table read whole: its header checked, then its checksum.
class Table {
public:
    Result<void> load(PhysAddr address, const char* signature, PhysicalReader read, void* context)
    {
        if (!read(address, m_bytes, kHeaderSize, context))
            return Error::bad_address;
        if (memcmp(m_bytes, signature, 4) != 0)
            return Error::invalid_argument;
        m_size = read_u32(m_bytes + 4);
        if (m_size < kHeaderSize || m_size > kMaxAcpiTableSize)
            return Error::invalid_argument;
        if (!read(address, m_bytes, m_size, context))
            return Error::bad_address;
        if (!sums_to_zero(m_bytes, m_size))
            return Error::invalid_argument;
        return {};
    }

    const uint8_t* bytes() const { return m_bytes; }
    size_t size() const { return m_size; }

private:
    uint8_t m_bytes[kMaxAcpiTableSize];
    size_t m_size = 0;
};

// FIXME(SMP): one buffer, used at boot by one CPU (too big for a kernel stack).
Table g_root;
Table g_table;

struct Root {
    PhysAddr address;
    bool extended; // XSDT (64-bit entries) rather than RSDT
};

Result<Root> read_rsdp(const uint8_t* rsdp, size_t size)
{
    if (size < kRsdpV1Size || memcmp(rsdp, "RSD PTR ", 8) != 0 || !sums_to_zero(rsdp, kRsdpV1Size))
        return Error::invalid_argument;
    uint8_t revision = rsdp[15];
    if (revision >= 2 && size >= kRsdpV2Size && sums_to_zero(rsdp, kRsdpV2Size) && read_u64(rsdp + 24))
        return Root { read_u64(rsdp + 24), true };
    return Root { read_u32(rsdp + 16), false };
}

void read_madt_entries(const Table& madt, InterruptTopology& out)
{
    const uint8_t* bytes = madt.bytes();
    for (size_t offset = kMadtEntriesOffset; offset + 2 <= madt.size();) {
        uint8_t type = bytes[offset];
        uint8_t length = bytes[offset + 1];
        if (length < 2 || offset + length > madt.size())
            return; // a corrupt entry ends the list
        const uint8_t* entry = bytes + offset;
        if (type == kMadtIoApic && length >= 12 && out.io_apic_count < InterruptTopology::kMaxIoApics)
            out.io_apics[out.io_apic_count++] = { entry[2], read_u32(entry + 4), read_u32(entry + 8) };
        if (type == kMadtOverride && length >= 10 && entry[2] == 0 && entry[3] < 16
            && out.override_count < InterruptTopology::kMaxOverrides) {
            uint16_t flags = uint16_t(entry[8] | (entry[9] << 8));
            out.overrides[out.override_count++]
                = { entry[3], read_u32(entry + 4), (flags & 3) == 3, ((flags >> 2) & 3) == 3 };
        }
        offset += length;
    }
}

} // namespace

InterruptOverride InterruptTopology::isa_route(uint8_t irq) const
{
    for (size_t i = 0; i < override_count; i++) {
        if (overrides[i].isa_irq == irq)
            return overrides[i];
    }
    return { irq, irq, false, false };
}

Result<InterruptTopology> read_interrupt_topology(
    const uint8_t* rsdp, size_t rsdp_size, PhysicalReader read, void* context)
{
    Root root = TRY(read_rsdp(rsdp, rsdp_size));
    TRY(g_root.load(root.address, root.extended ? "XSDT" : "RSDT", read, context));
    size_t entry_size = root.extended ? 8 : 4;
    for (size_t offset = kHeaderSize; offset + entry_size <= g_root.size(); offset += entry_size) {
        const uint8_t* entry = g_root.bytes() + offset;
        PhysAddr address = root.extended ? read_u64(entry) : read_u32(entry);
        uint8_t signature[4];
        if (!read(address, signature, sizeof(signature), context) || memcmp(signature, "APIC", 4) != 0)
            continue;
        TRY(g_table.load(address, "APIC", read, context));
        InterruptTopology topology;
        read_madt_entries(g_table, topology);
        return topology;
    }
    return Error::not_found;
}

namespace {

constexpr size_t kFadtDsdt = 40;
constexpr size_t kFadtPm1aControl = 64;
constexpr size_t kFadtPm1bControl = 68;
constexpr size_t kFadtExtendedDsdt = 140;
constexpr uint8_t kAmlPackage = 0x12;
constexpr uint8_t kAmlBytePrefix = 0x0a;
constexpr uint8_t kAmlZero = 0x00;
constexpr uint8_t kAmlOne = 0x01;

// The table with `signature` the root lists, loaded into g_table.
Result<void> find_table(
    const uint8_t* rsdp, size_t rsdp_size, const char* signature, PhysicalReader read, void* context)
{
    Root root = TRY(read_rsdp(rsdp, rsdp_size));
    TRY(g_root.load(root.address, root.extended ? "XSDT" : "RSDT", read, context));
    size_t entry_size = root.extended ? 8 : 4;
    for (size_t offset = kHeaderSize; offset + entry_size <= g_root.size(); offset += entry_size) {
        const uint8_t* entry = g_root.bytes() + offset;
        PhysAddr address = root.extended ? read_u64(entry) : read_u32(entry);
        uint8_t found[4];
        if (read(address, found, sizeof(found), context) && memcmp(found, signature, 4) == 0)
            return g_table.load(address, signature, read, context);
    }
    return Error::not_found;
}

// One AML integer of a package: ZeroOp, OneOp or BytePrefix n.
Result<uint8_t> aml_byte(const uint8_t* at, const uint8_t* end, size_t& used)
{
    if (at >= end)
        return Error::invalid_argument;
    if (*at == kAmlZero || *at == kAmlOne) {
        used = 1;
        return *at;
    }
    if (*at == kAmlBytePrefix && at + 1 < end) {
        used = 2;
        return at[1];
    }
    return Error::invalid_argument;
}

// The two sleep types of the package after "_S5_" at `at` (within `end`).
Result<void> read_s5_package(const uint8_t* at, const uint8_t* end, PowerControl& out)
{
    if (at + 1 >= end || *at != kAmlPackage)
        return Error::invalid_argument;
    at++;
    size_t length_bytes = 1 + (*at >> 6); // PkgLength: the lead byte says how many follow
    at += length_bytes + 1; // and NumElements
    size_t used = 0;
    out.sleep_type_a = TRY(aml_byte(at, end, used));
    at += used;
    out.sleep_type_b = TRY(aml_byte(at, end, used));
    return {};
}

// Scans the DSDT (possibly bigger than a Table: read a window at a time)
// for the \\_S5 object.
Result<void> find_s5(PhysAddr dsdt, PhysicalReader read, void* context, PowerControl& out)
{
    uint8_t header[kHeaderSize];
    if (!read(dsdt, header, sizeof(header), context))
        return Error::bad_address;
    if (memcmp(header, "DSDT", 4) != 0)
        return Error::invalid_argument;
    size_t size = read_u32(header + 4);
    constexpr size_t kWindow = 4096;
    constexpr size_t kOverlap = 16; // "_S5_" and its package may straddle two windows
    static uint8_t window[kWindow];
    for (size_t offset = kHeaderSize; offset < size; offset += kWindow - kOverlap) {
        size_t length = size - offset < kWindow ? size - offset : kWindow;
        if (!read(dsdt + offset, window, length, context))
            return Error::bad_address;
        for (size_t i = 0; i + 4 <= length; i++) {
            if (memcmp(window + i, "_S5_", 4) == 0 && read_s5_package(window + i + 4, window + length, out).ok())
                return {};
        }
        if (length < kWindow)
            break;
    }
    return Error::not_found;
}

} // namespace

Result<PowerControl> read_power_control(const uint8_t* rsdp, size_t rsdp_size, PhysicalReader read, void* context)
{
    TRY(find_table(rsdp, rsdp_size, "FACP", read, context));
    if (g_table.size() < kFadtPm1bControl + 4)
        return Error::invalid_argument;
    PowerControl control;
    control.pm1a_control = uint16_t(read_u32(g_table.bytes() + kFadtPm1aControl));
    control.pm1b_control = uint16_t(read_u32(g_table.bytes() + kFadtPm1bControl));
    PhysAddr dsdt = read_u32(g_table.bytes() + kFadtDsdt);
    if (g_table.size() >= kFadtExtendedDsdt + 8 && read_u64(g_table.bytes() + kFadtExtendedDsdt))
        dsdt = read_u64(g_table.bytes() + kFadtExtendedDsdt);
    if (control.pm1a_control == 0)
        return Error::not_found;
    TRY(find_s5(dsdt, read, context, control));
    return control;
}

} // namespace arch
