// crypt(): SHA-512 crypt ("$6$") against the test vectors of its
// specification (Drepper, "Unix crypt using SHA-256 and SHA-512"), and
// hashes the build host's libcrypt gave for the cases the vectors miss.
#include <catch.hpp>
#include <string>
#include <support/shim.h>

namespace {

std::string hash(const char* key, const char* setting)
{
    const char* out = shim_crypt(key, setting);
    return out ? out : "(null)";
}

} // namespace

TEST_CASE("libc crypt: the specification's SHA-512 vectors")
{
    CHECK(hash("Hello world!", "$6$saltstring")
        == "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1");
    CHECK(hash("Hello world!", "$6$rounds=10000$saltstringsaltstring")
        == "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/"
           "UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.");
    CHECK(hash("This is just a test", "$6$rounds=5000$toolongsaltstring")
        == "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/"
           "e1JSbq3y6JMxxl8audkUEm0");
    CHECK(hash("a very much longer text to encrypt.  This one even stretches over morethan one line.",
              "$6$rounds=1400$anotherlongsaltstring")
        == "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/"
           "pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1");
    CHECK(hash("we have a short salt string but not a short password", "$6$rounds=77777$short")
        == "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/"
           "ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0");
    CHECK(hash("a short string", "$6$rounds=123456$asaltof16chars..")
        == "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu."
           "Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1");
    // Too few rounds are raised to the minimum, 1000.
    CHECK(hash("the minimum number is still observed", "$6$rounds=10$roundstoolow")
        == "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn."
           "S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.");
}

TEST_CASE("libc crypt: an empty key, a long key, a whole hash as the setting")
{
    CHECK(hash("", "$6$abc")
        == "$6$abc$mJP3a6FyA8uCnzRtlnNypPwjnvpi5TP9qOrInzrfDmwxUQG38PkpCPdqfTb8JQfAngapMxeim4AZ..hSdRRzD.");
    std::string long_key(200, 'x');
    CHECK(hash(long_key.c_str(), "$6$longkey")
        == "$6$longkey$eUJ2t2hzjAZRUEiTJ7xxWwgdA4CoeuHbzD/K145wxSbSTL06BjGZcvCBYL5DzRX7JwK2fIpHR.fv3uBtt6uKx0");
    // Checking a password: the stored hash is the setting, and must come back.
    std::string stored = hash("Hello world!", "$6$saltstring");
    CHECK(hash("Hello world!", stored.c_str()) == stored);
    CHECK(hash("hello world!", stored.c_str()) != stored);
}

TEST_CASE("libc crypt: other methods and bad settings fail")
{
    CHECK(shim_crypt("key", "$1$md5salt$") == nullptr);
    CHECK(shim_crypt("key", "ab") == nullptr); // DES
    CHECK(shim_crypt("key", "$6$rounds=$salt") == nullptr);
    CHECK(shim_crypt("key", "") == nullptr);
    CHECK(shim_crypt(nullptr, "$6$salt") == nullptr);
}
