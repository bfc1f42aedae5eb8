#include <arch/x86_64/rtc.h>

#include <arch/x86_64/cpu.h>

namespace arch {
namespace {

constexpr uint16_t kIndexPort = 0x70;
constexpr uint16_t kDataPort = 0x71;
constexpr uint8_t kNmiDisabled = 0x80; // keep NMIs off while the index is set
enum Register : uint8_t {
    kSeconds = 0x00,
    kMinutes = 0x02,
    kHours = 0x04,
    kDay = 0x07,
    kMonth = 0x08,
    kYear = 0x09,
    kStatusA = 0x0a,
    kStatusB = 0x0b,
    kCentury = 0x32, // where QEMU and most PCs keep it (ACPI FADT's default)
};
constexpr uint8_t kUpdateInProgress = 0x80; // status A
constexpr uint8_t kBinary = 0x04; // status B: values are binary, not BCD
constexpr uint8_t k24Hour = 0x02; // status B
constexpr uint8_t kPm = 0x80; // the hour's top bit in 12-hour mode

uint8_t read_register(uint8_t index)
{
    outb(kIndexPort, kNmiDisabled | index);
    return inb(kDataPort);
}

struct RawTime {
    uint8_t second, minute, hour, day, month, year, century;
    bool operator==(const RawTime&) const = default;
};

RawTime read_raw()
{
    while (read_register(kStatusA) & kUpdateInProgress) {
    }
    return { read_register(kSeconds), read_register(kMinutes), read_register(kHours), read_register(kDay),
        read_register(kMonth), read_register(kYear), read_register(kCentury) };
}

} // namespace

Result<kern::CalendarTime> read_rtc()
{
    // The same reading twice in a row: no update came between the bytes.
    RawTime raw = read_raw();
    for (int tries = 0; tries < 5; tries++) {
        RawTime again = read_raw();
        if (again == raw)
            break;
        raw = again;
    }
    uint8_t status = read_register(kStatusB);
    bool binary = status & kBinary;
    auto value = [binary](uint8_t byte) { return binary ? uint32_t(byte) : kern::from_bcd(byte); };
    uint32_t hour = value(raw.hour & ~kPm);
    if (!(status & k24Hour) && (raw.hour & kPm))
        hour = (hour % 12) + 12;
    else if (!(status & k24Hour) && hour == 12)
        hour = 0;
    uint32_t century = value(raw.century);
    uint32_t year = (century >= 19 && century <= 99 ? century : 20) * 100 + value(raw.year);
    kern::CalendarTime time { year, value(raw.month), value(raw.day), hour, value(raw.minute), value(raw.second) };
    if (!kern::is_valid(time))
        return Error::invalid_argument;
    return time;
}

} // namespace arch
