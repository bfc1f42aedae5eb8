#include "decimal.h"

namespace shim {

namespace {
// Shifting by at most this many bits at a time keeps n * 10 + 9 within 64 bits.
constexpr int k_max_shift = 59;
} // namespace

void Decimal::set(uint64_t value)
{
    uint8_t reversed[20];
    int length = 0;
    for (; value != 0; value /= 10)
        reversed[length++] = static_cast<uint8_t>(value % 10);
    count = length;
    point = length;
    truncated = false;
    for (int i = 0; i < length; ++i)
        digits[i] = reversed[length - 1 - i];
    trim();
}

void Decimal::append_digit(int digit, bool integer_part)
{
    if (count == 0 && digit == 0) {
        if (!integer_part)
            --point; // A leading zero after the decimal point.
        return;
    }
    if (integer_part)
        ++point;
    if (count < k_capacity)
        digits[count++] = static_cast<uint8_t>(digit);
    else if (digit != 0)
        truncated = true;
}

uint64_t Decimal::integer_part(bool& rest_nonzero) const
{
    uint64_t value = 0;
    for (int i = 0; i < point; ++i)
        value = value * 10 + static_cast<uint64_t>(digit_at(i));
    rest_nonzero = count > point || truncated;
    return value;
}

void Decimal::trim()
{
    while (count > 0 && digits[count - 1] == 0)
        --count;
    if (count == 0)
        point = 0;
}

void Decimal::shift(int bits)
{
    if (count == 0)
        return;
    while (bits > 0) {
        int step = bits < k_max_shift ? bits : k_max_shift;
        shift_left(step);
        bits -= step;
    }
    while (bits < 0) {
        int step = -bits < k_max_shift ? -bits : k_max_shift;
        shift_right(step);
        bits += step;
    }
}

// Multiplies by 2^bits working from the last digit; the result gains at most
// ceil(bits * log10(2)) leading digits.
void Decimal::shift_left(int bits)
{
    int extra = (bits * 1233 >> 12) + 1; // > bits * log10(2)
    drop_digits_beyond(k_capacity - extra);
    int read = count - 1;
    int write = count + extra - 1;
    uint64_t carry = 0;
    for (; read >= 0; --read, --write) {
        uint64_t n = (static_cast<uint64_t>(digits[read]) << bits) + carry;
        carry = n / 10;
        store(write, n % 10);
    }
    for (; carry != 0; --write) {
        store(write, carry % 10);
        carry /= 10;
    }
    // write + 1 is the first digit produced; move the number to the front.
    int first = write + 1;
    int new_count = count + extra - first;
    for (int i = 0; i < new_count; ++i)
        digits[i] = digits[first + i];
    point += extra - first;
    count = new_count;
    trim();
}

// Keeps the value's first `limit` digits (only an over-long strtod input
// needs this); dropping nonzero digits marks the value truncated.
void Decimal::drop_digits_beyond(int limit)
{
    for (; count > limit; --count)
        truncated |= digits[count - 1] != 0;
}

void Decimal::store(int index, uint64_t digit)
{
    if (index < k_capacity)
        digits[index] = static_cast<uint8_t>(digit);
    else if (digit != 0)
        truncated = true;
}

// Divides by 2^bits working from the first digit, like long division.
void Decimal::shift_right(int bits)
{
    uint64_t mask = (uint64_t { 1 } << bits) - 1;
    int read = 0;
    uint64_t n = 0;
    // Take digits until the running value reaches 2^bits.
    for (; (n >> bits) == 0; ++read) {
        if (read >= count) {
            if (n == 0) { // Cannot happen: count > 0 means n > 0 eventually.
                count = 0;
                return;
            }
            while ((n >> bits) == 0) {
                n *= 10;
                ++read;
            }
            break;
        }
        n = n * 10 + digits[read];
    }
    point -= read - 1;
    int write = 0;
    for (; read < count; ++read) {
        uint64_t quotient = n >> bits;
        n &= mask;
        digits[write++] = static_cast<uint8_t>(quotient);
        n = n * 10 + digits[read];
    }
    // The remainder keeps producing digits until exact (division by a power
    // of two ends).
    while (n != 0) {
        uint64_t quotient = n >> bits;
        n &= mask;
        if (write < k_capacity)
            digits[write++] = static_cast<uint8_t>(quotient);
        else if (quotient != 0)
            truncated = true;
        n *= 10;
    }
    count = write;
    trim();
}

bool Decimal::rounds_up_at(int keep) const
{
    if (keep < 0 || keep >= count)
        return false;
    if (digits[keep] != 5)
        return digits[keep] > 5;
    if (keep + 1 < count || truncated)
        return true; // Above the half.
    // Exactly half: ties go to the even neighbour.
    return keep > 0 && digits[keep - 1] % 2 == 1;
}

void Decimal::round_to(int keep)
{
    if (keep >= count)
        return;
    if (keep < 0) {
        count = 0;
        point = 0;
        return;
    }
    if (rounds_up_at(keep)) {
        round_up_at(keep);
        return;
    }
    count = keep;
    trim();
}

void Decimal::round_up_at(int keep)
{
    for (int i = keep - 1; i >= 0; --i) {
        if (digits[i] < 9) {
            ++digits[i];
            count = i + 1;
            return;
        }
    }
    // All nines (or keep == 0): the value becomes 10^point.
    digits[0] = 1;
    count = 1;
    ++point;
}

} // namespace shim
