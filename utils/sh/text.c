#include "text.h"

#include "memory.h"

#include <stdlib.h>
#include <string.h>

void text_append(struct text *text, const char *bytes, size_t length)
{
    text->data = sh_grow(text->data, &text->capacity, text->length + length + 1, 1);
    memcpy(text->data + text->length, bytes, length);
    text->length += length;
    text->data[text->length] = '\0';
}

void text_append_string(struct text *text, const char *string) { text_append(text, string, strlen(string)); }

void text_push(struct text *text, char c) { text_append(text, &c, 1); }

char *text_take(struct text *text)
{
    char *data = text->data ? text->data : sh_strdup("");
    text->data = NULL;
    text->length = 0;
    text->capacity = 0;
    return data;
}

void text_free(struct text *text)
{
    free(text->data);
    text->data = NULL;
    text->length = 0;
    text->capacity = 0;
}

void words_push(struct word_list *list, char *word)
{
    list->items = sh_grow(list->items, &list->capacity, list->count + 2, sizeof *list->items);
    list->items[list->count++] = word;
    list->items[list->count] = NULL;
}

void words_free(struct word_list *list)
{
    for (size_t i = 0; i < list->count; ++i)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
    list->capacity = 0;
}
