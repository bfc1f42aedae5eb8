#include "script.h"

namespace exec {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Skips blanks from `at`.
size_t skip_blanks(const char* text, size_t at)
{
    while (is_blank(text[at]))
        at++;
    return at;
}

} // namespace

bool is_script(const uint8_t* image, size_t size) { return size >= 2 && image[0] == '#' && image[1] == '!'; }

Error parse_script_line(const uint8_t* image, size_t size, ScriptLine& line)
{
    if (!is_script(image, size))
        return Error::invalid_argument;
    // Copy the line after "#!", without its newline.
    size_t length = 0;
    for (size_t i = 2;; i++) {
        if (i == size || image[i] == '\n')
            break;
        if (length + 1 == kMaxScriptLine || image[i] == '\0')
            return Error::invalid_argument;
        line.text[length++] = char(image[i]);
    }
    while (length > 0 && (is_blank(line.text[length - 1]) || line.text[length - 1] == '\r'))
        length--;
    line.text[length] = '\0';
    size_t start = skip_blanks(line.text, 0);
    if (line.text[start] == '\0')
        return Error::invalid_argument;
    line.interpreter = line.text + start;
    size_t end = start;
    while (line.text[end] && !is_blank(line.text[end]))
        end++;
    line.argument = nullptr;
    if (line.text[end]) {
        line.text[end] = '\0';
        size_t argument = skip_blanks(line.text, end + 1);
        if (line.text[argument])
            line.argument = line.text + argument;
    }
    return Error::none;
}

} // namespace exec
