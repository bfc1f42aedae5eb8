// crypt(): SHA-512 crypt ("$6$"), as Ulrich Drepper's "Unix crypt using
// SHA-256 and SHA-512" specifies it (the method glibc and Debian's
// /etc/shadow use). Written from the specification; its test vectors are
// in test/unit/test_libc_crypt.cpp.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sha512.h"

namespace crypt_impl {
namespace {

constexpr size_t kMaxSalt = 16;
constexpr unsigned long kDefaultRounds = 5000;
constexpr unsigned long kMinRounds = 1000;
constexpr unsigned long kMaxRounds = 999999999;
constexpr char kPrefix[] = "$6$";
constexpr char kRoundsPrefix[] = "rounds=";
constexpr char kAlphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

using Digest = uint8_t[Sha512::kDigestSize];

// Adds `length` bytes of `digest` repeated (the spec's P and S sequences).
void add_repeated(Sha512& context, const Digest& digest, size_t length)
{
    for (; length > Sha512::kDigestSize; length -= Sha512::kDigestSize)
        context.update(digest, Sha512::kDigestSize);
    context.update(digest, length);
}

// What a setting says: the rounds (and whether it named them) and the salt.
struct Setting {
    unsigned long rounds = kDefaultRounds;
    bool rounds_given = false;
    const char* salt = nullptr;
    size_t salt_length = 0;
};

bool parse_setting(const char* text, Setting& setting)
{
    if (strncmp(text, kPrefix, sizeof(kPrefix) - 1) != 0)
        return false;
    text += sizeof(kPrefix) - 1;
    if (strncmp(text, kRoundsPrefix, sizeof(kRoundsPrefix) - 1) == 0) {
        const char* number = text + sizeof(kRoundsPrefix) - 1;
        char* end = nullptr;
        unsigned long rounds = strtoul(number, &end, 10);
        if (end == number || *end != '$')
            return false;
        setting.rounds = rounds < kMinRounds ? kMinRounds : rounds > kMaxRounds ? kMaxRounds : rounds;
        setting.rounds_given = true;
        text = end + 1;
    }
    size_t length = 0;
    while (length < kMaxSalt && text[length] && text[length] != '$')
        length++;
    setting.salt = text;
    setting.salt_length = length;
    return true;
}

// The 64 digest bytes in the spec's order, three at a time, as 4 characters each.
void encode(const Digest& digest, char* out)
{
    static constexpr uint8_t kOrder[21][3] = {
        { 0, 21, 42 },
        { 22, 43, 1 },
        { 44, 2, 23 },
        { 3, 24, 45 },
        { 25, 46, 4 },
        { 47, 5, 26 },
        { 6, 27, 48 },
        { 28, 49, 7 },
        { 50, 8, 29 },
        { 9, 30, 51 },
        { 31, 52, 10 },
        { 53, 11, 32 },
        { 12, 33, 54 },
        { 34, 55, 13 },
        { 56, 14, 35 },
        { 15, 36, 57 },
        { 37, 58, 16 },
        { 59, 17, 38 },
        { 18, 39, 60 },
        { 40, 61, 19 },
        { 62, 20, 41 },
    };
    auto put = [&](uint32_t bits, int characters) {
        for (int i = 0; i < characters; i++) {
            *out++ = kAlphabet[bits & 0x3f];
            bits >>= 6;
        }
    };
    for (const auto& group : kOrder)
        put((uint32_t(digest[group[0]]) << 16) | (uint32_t(digest[group[1]]) << 8) | digest[group[2]], 4);
    put(digest[63], 2);
    *out = '\0';
}

// Writes the decimal `value` at `out`; returns the end.
char* put_number(char* out, unsigned long value)
{
    char digits[24];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value);
    while (count)
        *out++ = digits[--count];
    return out;
}

} // namespace

// The hash of `key` under `setting` into `out` (at least kOutputSize bytes).
constexpr size_t kOutputSize = 128;
bool sha512_crypt(const char* key, const char* setting_text, char* out)
{
    Setting setting;
    if (!parse_setting(setting_text, setting))
        return false;
    size_t key_length = strlen(key);
    const char* salt = setting.salt;
    size_t salt_length = setting.salt_length;

    Digest b;
    Sha512 alternate;
    alternate.update(key, key_length);
    alternate.update(salt, salt_length);
    alternate.update(key, key_length);
    alternate.finish(b);

    Digest a;
    Sha512 first;
    first.update(key, key_length);
    first.update(salt, salt_length);
    add_repeated(first, b, key_length);
    for (size_t bits = key_length; bits > 0; bits >>= 1) {
        if (bits & 1)
            first.update(b, sizeof(b));
        else
            first.update(key, key_length);
    }
    first.finish(a);

    Digest key_digest; // DP
    Sha512 keys;
    for (size_t i = 0; i < key_length; i++)
        keys.update(key, key_length);
    keys.finish(key_digest);

    Digest salt_digest; // DS
    Sha512 salts;
    for (size_t i = 0; i < 16u + a[0]; i++)
        salts.update(salt, salt_length);
    salts.finish(salt_digest);

    Digest c;
    memcpy(c, a, sizeof(c));
    for (unsigned long round = 0; round < setting.rounds; round++) {
        Sha512 step;
        if (round & 1)
            add_repeated(step, key_digest, key_length);
        else
            step.update(c, sizeof(c));
        if (round % 3 != 0)
            step.update(salt_digest, salt_length);
        if (round % 7 != 0)
            add_repeated(step, key_digest, key_length);
        if (round & 1)
            step.update(c, sizeof(c));
        else
            add_repeated(step, key_digest, key_length);
        step.finish(c);
    }

    char* at = out;
    memcpy(at, kPrefix, sizeof(kPrefix) - 1);
    at += sizeof(kPrefix) - 1;
    if (setting.rounds_given) {
        memcpy(at, kRoundsPrefix, sizeof(kRoundsPrefix) - 1);
        at = put_number(at + sizeof(kRoundsPrefix) - 1, setting.rounds);
        *at++ = '$';
    }
    memcpy(at, salt, salt_length);
    at += salt_length;
    *at++ = '$';
    encode(c, at);
    // The intermediate digests held what the key hashes to.
    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    memset(c, 0, sizeof(c));
    memset(key_digest, 0, sizeof(key_digest));
    return true;
}

} // namespace crypt_impl

extern "C" char* crypt(const char* key, const char* setting)
{
    static char result[crypt_impl::kOutputSize];
    if (!key || !setting || !crypt_impl::sha512_crypt(key, setting, result)) {
        errno = EINVAL;
        return nullptr;
    }
    return result;
}
