// Result<T>: errors as values, and the rule that "ok" always brings a value.
#include <catch.hpp>
#include <freestanding/result.h>

#include <string>

namespace {

Result<std::string> name_or(Error error)
{
    if (error != Error::none)
        return error;
    return std::string("portico");
}

Result<int> length_of(Error error)
{
    auto name = TRY(name_or(error));
    return static_cast<int>(name.size());
}

} // namespace

TEST_CASE("a Result holds its value or its error")
{
    auto good = name_or(Error::none);
    REQUIRE(good.ok());
    CHECK(good.value() == "portico");

    auto bad = name_or(Error::not_found);
    CHECK_FALSE(bad.ok());
    CHECK(bad.error() == Error::not_found);
    CHECK(Result<int>(Error::busy).value_or(7) == 7);
}

TEST_CASE("TRY passes a value on and an error up")
{
    auto good = length_of(Error::none);
    REQUIRE(good.ok());
    CHECK(good.value() == 7);
    CHECK(length_of(Error::permission_denied).error() == Error::permission_denied);
}

TEST_CASE("a Result<T> made from Error::none is a failure, never an ok without a value")
{
    Result<std::string> no_value(Error::none);
    CHECK_FALSE(no_value.ok());
    CHECK(no_value.error() == Error::no_value);
    CHECK(no_value.value_or("fallback") == "fallback");

    // Result<void> has no value to miss: Error::none is its success.
    CHECK(Result<void>(Error::none).ok());
}
