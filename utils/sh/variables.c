#include "variables.h"

#include "memory.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static bool is_name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool variable_name_valid(const char *name, size_t length)
{
    if (length == 0 || !is_name_start(name[0]))
        return false;
    for (size_t i = 1; i < length; ++i)
        if (!is_name_start(name[i]) && !(name[i] >= '0' && name[i] <= '9'))
            return false;
    return true;
}

static struct variable *find(const struct variables *variables, const char *name)
{
    for (size_t i = 0; i < variables->count; ++i)
        if (strcmp(variables->items[i].name, name) == 0)
            return &variables->items[i];
    return NULL;
}

static struct variable *find_or_add(struct variables *variables, const char *name)
{
    struct variable *variable = find(variables, name);
    if (variable)
        return variable;
    variables->items = sh_grow(variables->items, &variables->capacity, variables->count + 1, sizeof *variables->items);
    variable = &variables->items[variables->count++];
    *variable = (struct variable) { sh_strdup(name), NULL, false };
    return variable;
}

const char *variables_get(const struct variables *variables, const char *name)
{
    const struct variable *variable = find(variables, name);
    return variable ? variable->value : NULL;
}

int variables_set(struct variables *variables, const char *name, const char *value, bool exported)
{
    if (!variable_name_valid(name, strlen(name)))
        return -1;
    struct variable *variable = find_or_add(variables, name);
    char *copy = sh_strdup(value);
    free(variable->value);
    variable->value = copy;
    variable->exported |= exported;
    return 0;
}

int variables_export(struct variables *variables, const char *name)
{
    if (!variable_name_valid(name, strlen(name)))
        return -1;
    find_or_add(variables, name)->exported = true;
    return 0;
}

void variables_unset(struct variables *variables, const char *name)
{
    struct variable *variable = find(variables, name);
    if (!variable)
        return;
    free(variable->name);
    free(variable->value);
    *variable = variables->items[--variables->count];
}

void variables_import(struct variables *variables, char *const *environment)
{
    for (; environment && *environment; ++environment) {
        const char *equals = strchr(*environment, '=');
        if (!equals || !variable_name_valid(*environment, (size_t)(equals - *environment)))
            continue;
        char *name = sh_strndup(*environment, (size_t)(equals - *environment));
        variables_set(variables, name, equals + 1, true);
        free(name);
    }
}

char **variables_environment(const struct variables *variables)
{
    struct word_list environment = { 0 };
    for (size_t i = 0; i < variables->count; ++i) {
        const struct variable *variable = &variables->items[i];
        if (!variable->exported || !variable->value)
            continue;
        struct text entry = { 0 };
        text_append_string(&entry, variable->name);
        text_push(&entry, '=');
        text_append_string(&entry, variable->value);
        words_push(&environment, text_take(&entry));
    }
    if (!environment.items)
        words_push(&environment, NULL); // an empty array still ends with NULL
    return environment.items;
}

void free_environment(char **environment)
{
    for (char **entry = environment; entry && *entry; ++entry)
        free(*entry);
    free(environment);
}

void variables_free(struct variables *variables)
{
    for (size_t i = 0; i < variables->count; ++i) {
        free(variables->items[i].name);
        free(variables->items[i].value);
    }
    free(variables->items);
    variables->items = NULL;
    variables->count = variables->capacity = 0;
}
