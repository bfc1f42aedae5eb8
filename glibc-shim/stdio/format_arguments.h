// printf's arguments, taken in order from the va_list, or for a format that
// numbers them ("%2$d") from a table filled in one pass beforehand.
#pragma once

#include <stdarg.h>
#include <stdint.h>

namespace shim {

enum class ArgumentKind : uint8_t { none, int_value, long_value, double_value, long_double_value, pointer };

// The length modifier of a conversion: hh h l ll j z t L.
enum class Length : uint8_t { none, hh, h, l, ll, j, z, t, L };

// One argument; only the member of its kind is meaningful. (A struct, not
// a union: gcc notes an old ABI change for unions holding a long double.)
struct ArgumentValue {
    long long integer;
    double real;
    long double long_real;
    void* pointer;
};

class FormatArguments {
public:
    static constexpr int k_max_positions = 64;

    // `args` must stay valid while this object is used.
    explicit FormatArguments(va_list args);
    ~FormatArguments();
    // Reads every numbered argument of `format` into the table. Returns
    // false for a format this cannot serve (too many or inconsistent).
    bool load_positional(const char* format);
    // The next argument of `kind`, or the one at `position` (1-based) when
    // the format numbers its arguments.
    ArgumentValue take(ArgumentKind kind, int position);

private:
    va_list m_args;
    ArgumentValue m_table[k_max_positions];
    ArgumentValue take_sequential(ArgumentKind kind);
};

// The kind of argument a conversion consumes.
ArgumentKind argument_kind(char conversion, Length length);

} // namespace shim
