// Signal sets (pure bit operations on glibc's 1024-bit sigset_t; only
// signals 1..NSIG-1 are valid).
#include <errno.h>
#include <signal.h>

namespace {

constexpr int k_bits_per_word = 8 * sizeof(unsigned long);
constexpr int k_words = sizeof(sigset_t) / sizeof(unsigned long);

bool valid(int signal_number)
{
    if (signal_number > 0 && signal_number < NSIG)
        return true;
    errno = EINVAL;
    return false;
}

unsigned long& word_of(sigset_t* set, int signal_number) { return set->__val[(signal_number - 1) / k_bits_per_word]; }
unsigned long bit_of(int signal_number) { return 1UL << ((signal_number - 1) % k_bits_per_word); }

} // namespace

extern "C" {

int sigemptyset(sigset_t* set)
{
    for (int i = 0; i < k_words; ++i)
        set->__val[i] = 0;
    return 0;
}

int sigfillset(sigset_t* set)
{
    sigemptyset(set);
    for (int signal_number = 1; signal_number < NSIG; ++signal_number)
        word_of(set, signal_number) |= bit_of(signal_number);
    return 0;
}

int sigaddset(sigset_t* set, int signal_number)
{
    if (!valid(signal_number))
        return -1;
    word_of(set, signal_number) |= bit_of(signal_number);
    return 0;
}

int sigdelset(sigset_t* set, int signal_number)
{
    if (!valid(signal_number))
        return -1;
    word_of(set, signal_number) &= ~bit_of(signal_number);
    return 0;
}

int sigismember(const sigset_t* set, int signal_number)
{
    if (!valid(signal_number))
        return -1;
    return (word_of(const_cast<sigset_t*>(set), signal_number) & bit_of(signal_number)) != 0;
}

} // extern "C"
