// The parser: shell text to a syntax tree (ast.h).
#ifndef SH_PARSER_H
#define SH_PARSER_H

#include "ast.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum parse_status {
    PARSE_OK,
    PARSE_INCOMPLETE, // the text stops inside a construct: append the next line and parse again
    PARSE_ERROR, // a syntax error, described in the message
};

// Parses all of `text`. On PARSE_OK `*list` is the tree (the caller frees
// it with list_free; it may hold no items); otherwise `*list` is NULL and,
// for PARSE_ERROR, `message` says what is wrong.
enum parse_status parse(const char *text, struct list **list, char *message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif
