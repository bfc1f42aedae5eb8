#include <freestanding/initial_stack.h>
#include <freestanding/page.h>
#include <freestanding/string.h>

namespace freestanding {
namespace {

// Fills the buffer downwards from its end.
class StackWriter {
public:
    StackWriter(uint8_t* buffer, size_t capacity, uint64_t stack_top)
        : m_buffer(buffer)
        , m_used(0)
        , m_capacity(capacity)
        , m_top(stack_top)
    {
    }

    // Copies `size` bytes below what is there; returns their user address.
    Result<uint64_t> push(const void* data, size_t size)
    {
        if (size > m_capacity - m_used)
            return Error::no_space;
        m_used += size;
        memcpy(m_buffer + m_capacity - m_used, data, size);
        return m_top - m_used;
    }

    // Pads so that the user address below becomes a multiple of `alignment`
    // once `following` more bytes are pushed.
    Result<void> align(size_t alignment, size_t following)
    {
        uint64_t target = (m_top - m_used - following) & ~uint64_t(alignment - 1);
        size_t padding = m_top - m_used - following - target;
        if (padding > m_capacity - m_used)
            return Error::no_space;
        memset(m_buffer + m_capacity - m_used - padding, 0, padding);
        m_used += padding;
        return {};
    }

    size_t used() const { return m_used; }

private:
    uint8_t* m_buffer;
    size_t m_used;
    size_t m_capacity;
    uint64_t m_top;
};

Result<void> push_strings(StackWriter& writer, const char* const* strings, size_t count, uint64_t* addresses)
{
    for (size_t i = 0; i < count; ++i)
        addresses[i] = TRY(writer.push(strings[i], strlen(strings[i]) + 1));
    return {};
}

} // namespace

Result<InitialStack> build_initial_stack(
    const InitialStackInput& input, uint8_t* buffer, size_t capacity, uint64_t stack_top)
{
    if (input.argc > kMaxInitialArgs || input.envc > kMaxInitialArgs || !input.image || (stack_top & 15) != 0)
        return Error::invalid_argument;
    StackWriter writer(buffer, capacity, stack_top);
    uint64_t argv[kMaxInitialArgs];
    uint64_t envp[kMaxInitialArgs];
    TRY(push_strings(writer, input.envp, input.envc, envp));
    TRY(push_strings(writer, input.argv, input.argc, argv));
    uint64_t random = TRY(writer.push(input.random, sizeof(input.random)));

    const ElfImage& image = *input.image;
    const uint64_t auxv[][2] = { { kAtPhdr, image.program_headers_address }, { kAtPhent, image.program_header_size },
        { kAtPhnum, image.program_header_count }, { kAtPagesz, kPageSize }, { kAtEntry, image.entry },
        { kAtRandom, random }, { kAtNull, 0 } };
    // argc, argv + NULL, envp + NULL, auxv: 8-byte words; argc lands 16-byte aligned.
    size_t words = 1 + (input.argc + 1) + (input.envc + 1) + 2 * (sizeof(auxv) / sizeof(auxv[0]));
    TRY(writer.align(16, words * 8));
    for (size_t i = sizeof(auxv) / sizeof(auxv[0]); i-- > 0;)
        TRY(writer.push(auxv[i], sizeof(auxv[i])));
    const uint64_t null = 0;
    TRY(writer.push(&null, 8));
    for (size_t i = input.envc; i-- > 0;)
        TRY(writer.push(&envp[i], 8));
    TRY(writer.push(&null, 8));
    for (size_t i = input.argc; i-- > 0;)
        TRY(writer.push(&argv[i], 8));
    const uint64_t argc = input.argc;
    uint64_t rsp = TRY(writer.push(&argc, 8));
    return InitialStack { rsp, writer.used() };
}

Result<size_t> split_arguments(
    const char* command_line, char* storage, size_t storage_size, const char* argv[kMaxInitialArgs])
{
    size_t argc = 0;
    size_t used = 0;
    const char* p = command_line ? command_line : "";
    while (*p) {
        while (*p == ' ')
            ++p;
        if (!*p)
            break;
        if (argc == kMaxInitialArgs)
            return Error::invalid_argument;
        argv[argc++] = storage + used;
        bool quoted = false;
        for (; *p && (quoted || *p != ' '); ++p) {
            if (*p == '"') {
                quoted = !quoted; // the quotes go; what they hold stays one word
                continue;
            }
            if (quoted && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
                ++p; // an escaped quote or backslash inside quotes
            if (used + 1 >= storage_size)
                return Error::no_space;
            storage[used++] = *p;
        }
        if (quoted)
            return Error::invalid_argument; // a quote left open
        if (used + 1 > storage_size)
            return Error::no_space;
        storage[used++] = '\0';
    }
    return argc;
}

} // namespace freestanding
