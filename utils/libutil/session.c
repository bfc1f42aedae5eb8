#define _DEFAULT_SOURCE
#include "session.h"

#include <crypt.h>
#include <grp.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int read_password(const char *prompt, char *buffer, size_t size)
{
    struct termios saved;
    int terminal = tcgetattr(0, &saved) == 0;
    if (terminal) {
        struct termios quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
        tcsetattr(0, TCSAFLUSH, &quiet);
    }
    fputs(prompt, stderr);
    fflush(stderr);
    size_t length = 0;
    int status = -1;
    for (;;) {
        char c;
        ssize_t got = read(0, &c, 1);
        if (got <= 0)
            break;
        if (c == '\n' || c == '\r') {
            status = 0;
            break;
        }
        if (length + 1 < size)
            buffer[length++] = c;
    }
    buffer[length] = '\0';
    if (terminal) {
        tcsetattr(0, TCSAFLUSH, &saved);
        fputs("\n", stderr); // the newline typed was not echoed
    }
    return status;
}

int password_matches(const char *user, const char *password)
{
    struct spwd *entry = getspnam(user);
    if (!entry || !entry->sp_pwdp || strncmp(entry->sp_pwdp, "$6$", 3) != 0)
        return 0;
    // crypt's static buffer: compare before anything else hashes.
    const char *hashed = crypt(password, entry->sp_pwdp);
    return hashed && strcmp(hashed, entry->sp_pwdp) == 0;
}

int become_user(const struct passwd *user)
{
    if (initgroups(user->pw_name, user->pw_gid) < 0)
        return -1;
    if (setgid(user->pw_gid) < 0)
        return -1;
    return setuid(user->pw_uid);
}

const char *user_shell(const struct passwd *user)
{
    return user->pw_shell && *user->pw_shell ? user->pw_shell : "/bin/sh";
}

int set_user_environment(const struct passwd *user, int login)
{
    int status = 0;
    if (login) {
        const char *term = getenv("TERM");
        char *kept = term ? strdup(term) : NULL;
        clearenv();
        if (kept)
            setenv("TERM", kept, 1);
        free(kept);
        setenv("PATH", "/bin", 1);
        if (chdir(user->pw_dir) < 0) {
            status = -1;
            chdir("/");
            setenv("PWD", "/", 1);
        } else {
            setenv("PWD", user->pw_dir, 1);
        }
    }
    setenv("HOME", user->pw_dir, 1);
    setenv("SHELL", user_shell(user), 1);
    setenv("USER", user->pw_name, 1);
    setenv("LOGNAME", user->pw_name, 1);
    return status;
}
