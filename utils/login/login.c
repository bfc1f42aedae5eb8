// login: asks for a user name and password (checked against /etc/shadow)
// and starts that user's shell in their home, as a login shell. Run by
// root (on a console); up to three tries. Exits 1 when they run out or
// input ends.
#define _DEFAULT_SOURCE
#include "report.h"
#include "session.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { kTries = 3 };

// Reads the user's name (echoed) into `name`; -1 at the end of input.
static int read_name(char *name, size_t size)
{
    fputs("login: ", stdout);
    fflush(stdout);
    if (!fgets(name, (int)size, stdin))
        return -1;
    name[strcspn(name, "\r\n")] = '\0';
    return 0;
}

int main(int argc, char **argv)
{
    (void)argc;
    report_set_program(argv[0]);
    for (int attempt = 0; attempt < kTries; attempt++) {
        char name[64];
        char password[256];
        if (read_name(name, sizeof(name)) < 0)
            return 1;
        if (!*name) {
            attempt--; // an empty line asks again, as login does
            continue;
        }
        int typed = read_password("Password: ", password, sizeof(password)) == 0;
        struct passwd *user = getpwnam(name);
        int right = typed && user && password_matches(name, password);
        memset(password, 0, sizeof(password));
        if (!right) {
            sleep(1);
            puts("Login incorrect");
            if (!typed)
                return 1;
            continue;
        }
        if (become_user(user) < 0) {
            report_errno(name);
            return 1;
        }
        if (set_user_environment(user, 1) < 0)
            printf("No directory %s, logging in with HOME=/\n", user->pw_dir);
        const char *shell = user_shell(user);
        execl(shell, "-sh", (char *)NULL);
        report_errno(shell);
        return 1;
    }
    return 1;
}
