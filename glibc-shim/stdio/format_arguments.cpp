#include "format_arguments.h"
#include "format_spec_parse.h"

namespace shim {

ArgumentKind argument_kind(char conversion, Length length)
{
    switch (conversion) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        return length == Length::none || length == Length::hh || length == Length::h ? ArgumentKind::int_value
                                                                                     : ArgumentKind::long_value;
    case 'c':
    case 'C': return ArgumentKind::int_value;
    case 's':
    case 'S':
    case 'p':
    case 'n': return ArgumentKind::pointer;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A': return length == Length::L ? ArgumentKind::long_double_value : ArgumentKind::double_value;
    default: return ArgumentKind::none;
    }
}

FormatArguments::FormatArguments(va_list args) { va_copy(m_args, args); }

FormatArguments::~FormatArguments() { va_end(m_args); }

ArgumentValue FormatArguments::take_sequential(ArgumentKind kind)
{
    ArgumentValue value {};
    switch (kind) {
    case ArgumentKind::int_value: value.integer = va_arg(m_args, int); break;
    case ArgumentKind::long_value: value.integer = va_arg(m_args, long long); break;
    case ArgumentKind::double_value: value.real = va_arg(m_args, double); break;
    case ArgumentKind::long_double_value: value.long_real = va_arg(m_args, long double); break;
    case ArgumentKind::pointer: value.pointer = va_arg(m_args, void*); break;
    case ArgumentKind::none: break;
    }
    return value;
}

ArgumentValue FormatArguments::take(ArgumentKind kind, int position)
{
    if (position <= 0)
        return take_sequential(kind);
    return m_table[position - 1];
}

namespace {

bool note_kind(ArgumentKind* kinds, int position, ArgumentKind kind, int& highest)
{
    if (position <= 0 || position > FormatArguments::k_max_positions)
        return false;
    if (kinds[position - 1] != ArgumentKind::none && kinds[position - 1] != kind)
        return false;
    kinds[position - 1] = kind;
    if (position > highest)
        highest = position;
    return true;
}

} // namespace

bool FormatArguments::load_positional(const char* format)
{
    ArgumentKind kinds[k_max_positions] = {};
    int highest = 0;
    for (const char* text = format; *text != 0;) {
        if (*text++ != '%')
            continue;
        if (*text == '%') {
            ++text;
            continue;
        }
        ParsedSpec parsed;
        text = parse_spec(text, parsed);
        if (parsed.spec.conversion == 0)
            break;
        if (parsed.width_from_argument && !note_kind(kinds, parsed.width_position, ArgumentKind::int_value, highest))
            return false;
        if (parsed.precision_from_argument
            && !note_kind(kinds, parsed.precision_position, ArgumentKind::int_value, highest))
            return false;
        ArgumentKind kind = argument_kind(parsed.spec.conversion, parsed.length);
        if (kind != ArgumentKind::none && !note_kind(kinds, parsed.position, kind, highest))
            return false;
    }
    for (int i = 0; i < highest; ++i) {
        if (kinds[i] == ArgumentKind::none)
            return false; // A gap: its type, and so the ones after it, is unknown.
        m_table[i] = take_sequential(kinds[i]);
    }
    return true;
}

} // namespace shim
