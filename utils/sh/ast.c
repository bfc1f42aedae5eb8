#include "ast.h"

#include "memory.h"

#include <stdlib.h>
#include <string.h>

static void strings_free(char **strings, size_t count)
{
    for (size_t i = 0; i < count; ++i)
        free(strings[i]);
    free(strings);
}

void command_free(struct command *command)
{
    if (!command)
        return;
    strings_free(command->assignments, command->assignment_count);
    strings_free(command->words, command->word_count);
    list_free(command->condition);
    list_free(command->body);
    list_free(command->else_body);
    free(command->variable);
    strings_free(command->items, command->item_count);
    for (size_t i = 0; i < command->case_item_count; ++i) {
        strings_free(command->case_items[i].patterns, command->case_items[i].pattern_count);
        list_free(command->case_items[i].body);
    }
    free(command->case_items);
    command_free(command->function_body);
    for (size_t i = 0; i < command->redirect_count; ++i) {
        free(command->redirects[i].target);
        free(command->redirects[i].heredoc);
    }
    free(command->redirects);
    free(command);
}

void pipeline_free(struct pipeline *pipeline)
{
    for (size_t i = 0; i < pipeline->count; ++i)
        command_free(pipeline->commands[i]);
    free(pipeline->commands);
    free(pipeline);
}

void and_or_free(struct and_or *and_or)
{
    for (size_t i = 0; i < and_or->count; ++i)
        pipeline_free(and_or->pipelines[i]);
    free(and_or->pipelines);
    free(and_or->operators);
    free(and_or);
}

void list_free(struct list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; ++i)
        and_or_free(list->items[i]);
    free(list->items);
    free(list);
}

static char **strings_copy(char *const *strings, size_t count)
{
    if (!strings)
        return NULL;
    char **copy = sh_malloc(count * sizeof *copy);
    for (size_t i = 0; i < count; ++i)
        copy[i] = sh_strdup(strings[i]);
    return copy;
}

static struct list *list_copy(const struct list *list);

static struct pipeline *pipeline_copy(const struct pipeline *pipeline)
{
    struct pipeline *copy = sh_malloc(sizeof *copy);
    *copy = *pipeline;
    copy->commands = sh_malloc(pipeline->count * sizeof *copy->commands);
    for (size_t i = 0; i < pipeline->count; ++i)
        copy->commands[i] = command_copy(pipeline->commands[i]);
    return copy;
}

static struct and_or *and_or_copy(const struct and_or *and_or)
{
    struct and_or *copy = sh_malloc(sizeof *copy);
    *copy = *and_or;
    copy->pipelines = sh_malloc(and_or->count * sizeof *copy->pipelines);
    copy->operators = sh_malloc(and_or->count * sizeof *copy->operators);
    for (size_t i = 0; i < and_or->count; ++i) {
        copy->pipelines[i] = pipeline_copy(and_or->pipelines[i]);
        if (i + 1 < and_or->count)
            copy->operators[i] = and_or->operators[i];
    }
    return copy;
}

static struct list *list_copy(const struct list *list)
{
    if (!list)
        return NULL;
    struct list *copy = sh_malloc(sizeof *copy);
    copy->count = list->count;
    copy->items = sh_malloc(list->count * sizeof *copy->items);
    for (size_t i = 0; i < list->count; ++i)
        copy->items[i] = and_or_copy(list->items[i]);
    return copy;
}

struct command *command_copy(const struct command *command)
{
    if (!command)
        return NULL;
    struct command *copy = sh_malloc(sizeof *copy);
    *copy = *command;
    copy->assignments = strings_copy(command->assignments, command->assignment_count);
    copy->words = strings_copy(command->words, command->word_count);
    copy->condition = list_copy(command->condition);
    copy->body = list_copy(command->body);
    copy->else_body = list_copy(command->else_body);
    copy->variable = command->variable ? sh_strdup(command->variable) : NULL;
    copy->items = strings_copy(command->items, command->item_count);
    if (command->case_items) {
        copy->case_items = sh_malloc(command->case_item_count * sizeof *copy->case_items);
        for (size_t i = 0; i < command->case_item_count; ++i) {
            const struct case_item *item = &command->case_items[i];
            copy->case_items[i] = (struct case_item) { strings_copy(item->patterns, item->pattern_count),
                item->pattern_count, list_copy(item->body) };
        }
    }
    copy->function_body = command_copy(command->function_body);
    if (command->redirects) {
        copy->redirects = sh_malloc(command->redirect_count * sizeof *copy->redirects);
        for (size_t i = 0; i < command->redirect_count; ++i) {
            copy->redirects[i] = command->redirects[i];
            copy->redirects[i].target = sh_strdup(command->redirects[i].target);
            if (command->redirects[i].heredoc)
                copy->redirects[i].heredoc = sh_strdup(command->redirects[i].heredoc);
        }
    }
    return copy;
}
