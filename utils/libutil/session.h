// What su and login share: reading a password without echo, checking it
// against /etc/shadow, and becoming a user (groups, gid, uid, environment).
#ifndef LIBUTIL_SESSION_H
#define LIBUTIL_SESSION_H

#include <pwd.h>
#include <stddef.h>

// Prints `prompt` on standard error and reads a line from standard input
// with echo off (when it is a terminal) into `buffer`, without the
// newline. 0, or -1 at the end of input or on an error.
int read_password(const char *prompt, char *buffer, size_t size);

// 1 if `password` is the password of `user` in /etc/shadow (SHA-512
// crypt), 0 if not or if the shadow file cannot be read (only root may).
// A locked entry ("!", "*") or an empty one matches nothing.
int password_matches(const char *user, const char *password);

// Becomes `user`: its groups (initgroups), gid, then uid, all three of
// each (real, effective, saved). 0, or -1 with errno.
int become_user(const struct passwd *user);

// Sets HOME, SHELL, USER and LOGNAME for `user`; a login session (`login`
// nonzero) starts from an empty environment (TERM kept, PATH=/bin) in the
// user's home. 0, or -1 if the home cannot be entered (then "/").
int set_user_environment(const struct passwd *user, int login);

// The user's shell, /bin/sh if the entry names none.
const char *user_shell(const struct passwd *user);

#endif
