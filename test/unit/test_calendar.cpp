// The wall clock's calendar arithmetic (mach/kern/calendar.h).
#include <catch.hpp>
#include <kern/calendar.h>

TEST_CASE("calendar: dates to seconds since the epoch, leap years included")
{
    CHECK(kern::epoch_seconds({ 1970, 1, 1, 0, 0, 0 }) == 0);
    CHECK(kern::epoch_seconds({ 2000, 3, 1, 0, 0, 0 }) == 951868800); // after 2000's leap day
    CHECK(kern::epoch_seconds({ 2024, 1, 1, 0, 0, 0 }) == 1704067200); // make bench's pinned clock
    CHECK(kern::epoch_seconds({ 2026, 12, 1, 21, 42, 8 }) == 1796161328);
    CHECK(kern::epoch_seconds({ 2100, 3, 1, 0, 0, 0 }) == 4107542400); // 2100 is no leap year
}

TEST_CASE("calendar: impossible dates are refused; BCD bytes decode")
{
    CHECK(kern::is_valid({ 2024, 2, 29, 23, 59, 59 }));
    CHECK_FALSE(kern::is_valid({ 2023, 2, 29, 0, 0, 0 }));
    CHECK_FALSE(kern::is_valid({ 2100, 2, 29, 0, 0, 0 }));
    CHECK_FALSE(kern::is_valid({ 2024, 13, 1, 0, 0, 0 }));
    CHECK_FALSE(kern::is_valid({ 2024, 4, 31, 0, 0, 0 }));
    CHECK_FALSE(kern::is_valid({ 1969, 12, 31, 0, 0, 0 }));
    CHECK_FALSE(kern::is_valid({ 2024, 1, 1, 24, 0, 0 }));
    CHECK(kern::from_bcd(0x59) == 59);
    CHECK(kern::from_bcd(0x00) == 0);
    CHECK(kern::from_bcd(0x12) == 12);
}
