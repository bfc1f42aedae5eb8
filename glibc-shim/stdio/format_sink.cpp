#include "format.h"

namespace shim {

void Sink::put(const char* text, size_t length)
{
    total += length;
    if (!failed && length != 0 && !write(this, text, length))
        failed = true;
}

void Sink::put_repeated(char c, size_t count)
{
    char run[64];
    for (size_t i = 0; i < sizeof run; ++i)
        run[i] = c;
    while (count > 0) {
        size_t piece = count < sizeof run ? count : sizeof run;
        put(run, piece);
        count -= piece;
    }
}

size_t put_padding_before(
    Sink& sink, const FormatSpec& spec, const char* prefix, size_t prefix_length, size_t body_length, bool zero_fill)
{
    size_t length = prefix_length + body_length;
    size_t padding = spec.width > 0 && static_cast<size_t>(spec.width) > length ? spec.width - length : 0;
    if (spec.left) {
        sink.put(prefix, prefix_length);
        return padding;
    }
    if (zero_fill) {
        sink.put(prefix, prefix_length);
        sink.put_repeated('0', padding);
    } else {
        sink.put_repeated(' ', padding);
        sink.put(prefix, prefix_length);
    }
    return 0;
}

void put_padded(Sink& sink, const FormatSpec& spec, const char* prefix, size_t prefix_length, const char* body,
    size_t body_length, bool zero_fill)
{
    size_t after = put_padding_before(sink, spec, prefix, prefix_length, body_length, zero_fill);
    sink.put(body, body_length);
    sink.put_repeated(' ', after);
}

} // namespace shim
