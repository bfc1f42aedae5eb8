// glibc-shim time/: UTC conversions checked against the host's gmtime
// over a wide range, normalization, asctime, strftime.
#include "support/shim.h"

#include <catch.hpp>
#include <cstring>
#include <string>

TEST_CASE("shim gmtime_r agrees with the host over four centuries and negative times")
{
    for (time_t when = -5000000000L; when < 8000000000L; when += 7654321) {
        struct tm mine = {};
        struct tm host = {};
        REQUIRE(shim_gmtime_r(&when, &mine) != nullptr);
        gmtime_r(&when, &host);
        INFO("time " << when);
        REQUIRE(mine.tm_year == host.tm_year);
        REQUIRE(mine.tm_mon == host.tm_mon);
        REQUIRE(mine.tm_mday == host.tm_mday);
        REQUIRE(mine.tm_hour == host.tm_hour);
        REQUIRE(mine.tm_min == host.tm_min);
        REQUIRE(mine.tm_sec == host.tm_sec);
        REQUIRE(mine.tm_wday == host.tm_wday);
        REQUIRE(mine.tm_yday == host.tm_yday);
        struct tm copy = mine;
        REQUIRE(shim_timegm(&copy) == when);
    }
}

TEST_CASE("shim timegm normalizes out-of-range fields")
{
    struct tm date = {};
    date.tm_year = 2024 - 1900;
    date.tm_mon = 13; // February of the next year
    date.tm_mday = 29;
    date.tm_hour = -1;
    time_t when = shim_timegm(&date);
    // 2025 is not a leap year: 29 February is 1 March, minus one hour.
    CHECK(date.tm_year == 2025 - 1900);
    CHECK(date.tm_mon == 1);
    CHECK(date.tm_mday == 28);
    CHECK(date.tm_hour == 23);
    struct tm host = {};
    gmtime_r(&when, &host);
    CHECK(host.tm_mday == 28);
    CHECK(shim_mktime(&date) == when);
}

TEST_CASE("shim asctime and strftime write the C locale's forms")
{
    time_t when = 123456789; // 1973-11-29 21:33:09 UTC, a Thursday
    struct tm date = {};
    shim_gmtime_r(&when, &date);
    char buffer[64];
    CHECK(std::string(shim_asctime_r(&date, buffer)) == "Thu Nov 29 21:33:09 1973\n");
    struct {
        const char* format;
        const char* expected;
    } const cases[] = {
        { "%Y-%m-%d %H:%M:%S", "1973-11-29 21:33:09" },
        { "%a %A %b %B", "Thu Thursday Nov November" },
        { "%e|%j|%I|%p|%y|%C", "29|333|09|PM|73|19" },
        { "%F %T %D %R", "1973-11-29 21:33:09 11/29/73 21:33" },
        { "%u %w %U %W %V %G", "4 4 47 48 48 1973" },
        { "%s", "123456789" },
        { "%Z %z %%", "UTC +0000 %" },
        { "%-d|%_m|%k", "29|11|21" },
    };
    for (const auto& c : cases) {
        INFO(c.format);
        size_t length = shim_strftime(buffer, sizeof buffer, c.format, &date);
        CHECK(std::string(buffer) == c.expected);
        CHECK(length == std::strlen(c.expected));
        // The host agrees where it defines the same conversion.
        char host[64];
        strftime(host, sizeof host, c.format, &date);
        CHECK(std::string(host) == c.expected);
    }
    CHECK(shim_strftime(buffer, 5, "%Y-%m-%d", &date) == 0);
    time_t new_year = 1104537600; // 2005-01-01, ISO week 53 of 2004
    shim_gmtime_r(&new_year, &date);
    CHECK((shim_strftime(buffer, sizeof buffer, "%G-W%V-%u", &date) > 0 && std::string(buffer) == "2004-W53-6"));
}
