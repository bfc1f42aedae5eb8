// The shell's variables: name, value, and whether children see it.
#ifndef SH_VARIABLES_H
#define SH_VARIABLES_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct variable {
    char *name;
    char *value; // NULL: exported but never given a value ("export X")
    bool exported;
};

struct variables {
    struct variable *items;
    size_t count;
    size_t capacity;
};

// Whether `name` (up to `length` bytes) is a valid variable name.
bool variable_name_valid(const char *name, size_t length);
// The value, or NULL when unset.
const char *variables_get(const struct variables *variables, const char *name);
// Sets (and, with `exported`, exports) a variable; -1 for an invalid name.
int variables_set(struct variables *variables, const char *name, const char *value, bool exported);
// Marks a variable exported, creating it without a value if needed; -1 for an invalid name.
int variables_export(struct variables *variables, const char *name);
void variables_unset(struct variables *variables, const char *name);
// Takes "NAME=value" strings (an environment) as exported variables.
void variables_import(struct variables *variables, char *const *environment);
// A new NULL-terminated "NAME=value" array of the exported variables with a
// value; free it with free_environment.
char **variables_environment(const struct variables *variables);
void free_environment(char **environment);
void variables_free(struct variables *variables);

#ifdef __cplusplus
}
#endif

#endif
