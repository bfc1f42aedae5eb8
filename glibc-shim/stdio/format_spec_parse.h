// Parsing one printf conversion specification, shared by the formatting
// pass and the pass that collects numbered arguments.
#pragma once

#include "format.h"
#include "format_arguments.h"

namespace shim {

struct ParsedSpec {
    FormatSpec spec;
    Length length = Length::none;
    int position = 0; // "%3$d": 3; 0 when not numbered
    bool width_from_argument = false;
    int width_position = 0; // "*2$"
    bool precision_from_argument = false;
    int precision_position = 0;
};

// Parses the specification after a '%' at `text`; returns the character
// after the conversion letter (spec.conversion is 0 if the format ends).
const char* parse_spec(const char* text, ParsedSpec& parsed);

} // namespace shim
