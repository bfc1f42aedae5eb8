// Redirections: opening files onto descriptors, and undoing it for commands
// that run inside the shell (builtins, compound commands).
#ifndef SH_REDIRECT_H
#define SH_REDIRECT_H

#include "ast.h"
#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

// What apply_redirects replaced, to put back with restore_redirects.
struct saved_descriptors {
    int fds[16];
    int copies[16]; // -1: the descriptor was closed before
    int count;
};

// Performs the redirections in order. With `saved`, the descriptors they
// replace are kept first (so at most 16 redirections). Returns 0, or -1
// after printing why (the command must then not run; what was done is undone
// when `saved` is given).
int apply_redirects(
    struct shell *shell, const struct redirect *redirects, size_t count, struct saved_descriptors *saved);
void restore_redirects(struct saved_descriptors *saved);
// Keeps the redirections (`exec >file`): drops the saved copies.
void keep_redirects(struct saved_descriptors *saved);

#ifdef __cplusplus
}
#endif

#endif
