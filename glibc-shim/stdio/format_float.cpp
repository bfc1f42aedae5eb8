// printf's floating-point conversions. %e, %f and %g print the exact decimal
// value of the double rounded once, ties to even (Decimal holds it exactly);
// %a prints the bits.
#include "decimal.h"
#include "float_bits.h"
#include "format.h"

namespace shim {

namespace {

bool is_upper(char conversion) { return conversion >= 'A' && conversion <= 'Z'; }

size_t sign_prefix(const FormatSpec& spec, bool negative, char* out)
{
    if (negative)
        *out = '-';
    else if (spec.plus)
        *out = '+';
    else if (spec.space)
        *out = ' ';
    else
        return 0;
    return 1;
}

void put_special(Sink& sink, const FormatSpec& spec, bool negative, bool is_nan)
{
    char sign[1];
    size_t sign_length = sign_prefix(spec, negative, sign);
    const char* body
        = is_nan ? (is_upper(spec.conversion) ? "NAN" : "nan") : (is_upper(spec.conversion) ? "INF" : "inf");
    put_padded(sink, spec, sign, sign_length, body, 3, false);
}

// Writes digits [from, to) of `value`; positions outside its digits are zeros.
void put_digits(Sink& sink, const Decimal& value, int from, int to)
{
    char chunk[64];
    size_t used = 0;
    for (int i = from; i < to; ++i) {
        chunk[used++] = static_cast<char>('0' + value.digit_at(i));
        if (used == sizeof chunk) {
            sink.put(chunk, used);
            used = 0;
        }
    }
    sink.put(chunk, used);
}

int min_int(int a, int b) { return a < b ? a : b; }
int max_int(int a, int b) { return a > b ? a : b; }

// %f with `value` already rounded to `precision` fraction digits; `strip`
// drops trailing fraction zeros (%g without '#').
void put_fixed(Sink& sink, const FormatSpec& spec, const char* sign, size_t sign_length, const Decimal& value,
    int precision, bool strip)
{
    if (strip)
        precision = min_int(precision, max_int(0, value.count - value.point));
    bool dot = precision > 0 || spec.alternate;
    int integer_digits = value.point > 0 ? value.point : 1;
    size_t body_length = static_cast<size_t>(integer_digits) + (dot ? 1 : 0) + static_cast<size_t>(precision);
    size_t after = put_padding_before(sink, spec, sign, sign_length, body_length, spec.zero);
    if (value.point > 0)
        put_digits(sink, value, 0, value.point);
    else
        sink.put_char('0');
    if (dot)
        sink.put_char('.');
    put_digits(sink, value, value.point, value.point + precision);
    sink.put_repeated(' ', after);
}

// "e+05": the exponent letter, sign, and at least two digits.
size_t exponent_text(char letter, int exponent, char* out)
{
    size_t length = 0;
    out[length++] = letter;
    out[length++] = exponent < 0 ? '-' : '+';
    unsigned magnitude = exponent < 0 ? -exponent : exponent;
    char reversed[12];
    size_t digits = 0;
    do {
        reversed[digits++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (digits < 2)
        reversed[digits++] = '0';
    while (digits > 0)
        out[length++] = reversed[--digits];
    return length;
}

// %e with `value` already rounded to precision + 1 significant digits.
void put_scientific(Sink& sink, const FormatSpec& spec, const char* sign, size_t sign_length, const Decimal& value,
    int precision, bool strip)
{
    if (strip)
        precision = min_int(precision, max_int(0, value.count - 1));
    bool dot = precision > 0 || spec.alternate;
    char exponent[16];
    size_t exponent_length
        = exponent_text(is_upper(spec.conversion) ? 'E' : 'e', value.count == 0 ? 0 : value.point - 1, exponent);
    size_t body_length = 1 + (dot ? 1 : 0) + static_cast<size_t>(precision) + exponent_length;
    size_t after = put_padding_before(sink, spec, sign, sign_length, body_length, spec.zero);
    put_digits(sink, value, 0, 1);
    if (dot)
        sink.put_char('.');
    put_digits(sink, value, 1, 1 + precision);
    sink.put(exponent, exponent_length);
    sink.put_repeated(' ', after);
}

void put_general(Sink& sink, const FormatSpec& spec, const char* sign, size_t sign_length, Decimal& value)
{
    int precision = spec.precision < 0 ? 6 : (spec.precision == 0 ? 1 : spec.precision);
    value.round_to(precision);
    int exponent = value.count == 0 ? 0 : value.point - 1;
    if (exponent < precision && exponent >= -4)
        put_fixed(sink, spec, sign, sign_length, value, precision - 1 - exponent, !spec.alternate);
    else
        put_scientific(sink, spec, sign, sign_length, value, precision - 1, !spec.alternate);
}

// %a: 0x1.<hex fraction>p<binary exponent>; subnormals print as 0x0.<...>p-1022.
void put_hex(Sink& sink, const FormatSpec& spec, const DoubleBits& bits)
{
    bool upper = is_upper(spec.conversion);
    const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t leading = bits.biased_exponent == 0 ? 0 : 1;
    uint64_t fraction = bits.fraction; // 13 hex digits
    int exponent = bits.biased_exponent == 0 ? (bits.fraction == 0 ? 0 : -1022) : bits.biased_exponent - 1023;
    int precision = spec.precision;
    if (precision < 0) {
        precision = 13;
        while (precision > 0 && ((fraction >> (4 * (13 - precision))) & 0xf) == 0)
            --precision;
    } else if (precision < 13) {
        int dropped = 4 * (13 - precision);
        uint64_t whole = (leading << 52) | fraction;
        uint64_t rest = whole & ((uint64_t { 1 } << dropped) - 1);
        uint64_t half = uint64_t { 1 } << (dropped - 1);
        whole >>= dropped;
        if (rest > half || (rest == half && (whole & 1) != 0))
            ++whole;
        leading = whole >> (4 * precision);
        fraction = (whole & ((uint64_t { 1 } << (4 * precision)) - 1)) << dropped;
    }
    char prefix[3];
    size_t prefix_length = sign_prefix(spec, bits.negative, prefix);
    prefix[prefix_length++] = '0';
    prefix[prefix_length++] = upper ? 'X' : 'x';
    char body[64];
    size_t length = 0;
    body[length++] = hex[leading];
    if (precision > 0 || spec.alternate)
        body[length++] = '.';
    int shown = min_int(precision, 13);
    for (int i = 0; i < shown; ++i)
        body[length++] = hex[(fraction >> (4 * (12 - i))) & 0xf];
    char exponent_part[16];
    size_t exponent_length = exponent_text(upper ? 'P' : 'p', exponent, exponent_part);
    // Binary exponents print without the two-digit minimum of %e.
    if (exponent_length == 4 && exponent_part[2] == '0') {
        exponent_part[2] = exponent_part[3];
        exponent_length = 3;
    }
    size_t extra_zeros = precision > 13 ? precision - 13 : 0;
    size_t after
        = put_padding_before(sink, spec, prefix, prefix_length, length + extra_zeros + exponent_length, spec.zero);
    sink.put(body, length);
    sink.put_repeated('0', extra_zeros);
    sink.put(exponent_part, exponent_length);
    sink.put_repeated(' ', after);
}

} // namespace

void format_double(Sink& sink, const FormatSpec& spec, double number)
{
    DoubleBits bits = DoubleBits::of(number);
    if (bits.biased_exponent == 2047) {
        put_special(sink, spec, bits.negative, bits.fraction != 0);
        return;
    }
    char conversion = spec.conversion | 0x20; // lower case
    if (conversion == 'a') {
        put_hex(sink, spec, bits);
        return;
    }
    char sign[1];
    size_t sign_length = sign_prefix(spec, bits.negative, sign);
    Decimal value;
    value.set(bits.significand());
    value.shift(bits.exponent());
    int precision = spec.precision < 0 ? 6 : spec.precision;
    if (conversion == 'f') {
        value.round_to(value.point + precision);
        put_fixed(sink, spec, sign, sign_length, value, precision, false);
    } else if (conversion == 'e') {
        value.round_to(precision + 1);
        put_scientific(sink, spec, sign, sign_length, value, precision, false);
    } else {
        put_general(sink, spec, sign, sign_length, value);
    }
}

} // namespace shim
