// Two growable containers the whole shell uses: a string (struct text) and a
// NULL-terminated list of owned strings (struct word_list, ready for execvp).
#ifndef SH_TEXT_H
#define SH_TEXT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// A growable string; `data` is NUL-terminated whenever it is not NULL.
struct text {
    char *data;
    size_t length;
    size_t capacity;
};

void text_append(struct text *text, const char *bytes, size_t length);
void text_append_string(struct text *text, const char *string);
void text_push(struct text *text, char c);
// Gives up the string (never NULL: "" when empty) and leaves `text` empty.
char *text_take(struct text *text);
void text_free(struct text *text);

// Owned strings, always followed by a NULL entry (once one was pushed).
struct word_list {
    char **items;
    size_t count;
    size_t capacity;
};

// Takes ownership of `word`.
void words_push(struct word_list *list, char *word);
void words_free(struct word_list *list);

#ifdef __cplusplus
}
#endif

#endif
