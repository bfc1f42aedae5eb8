// su [-] [user] [-c command]: runs a shell (or the command, with the
// shell's -c) as `user` (root if none). Root needs no password; anyone
// else types the target's, checked against /etc/shadow. /bin/su is
// set-user-id root: exec gives it root's power, with which it reads the
// shadow file and then becomes the target (every id, as login does).
// `-` (or -l, --login) starts a login shell: a clean environment, in the
// target's home.
#define _DEFAULT_SOURCE
#include "report.h"
#include "session.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int usage(void)
{
    report_message("usage: su [-] [user] [-c command]");
    return 1;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int login = 0;
    const char *command = NULL;
    const char *name = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0 || strcmp(argv[i], "-l") == 0 || strcmp(argv[i], "--login") == 0)
            login = 1;
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            command = argv[++i];
        else if (argv[i][0] == '-' || name)
            return usage();
        else
            name = argv[i];
    }
    if (!name)
        name = "root";
    struct passwd *target = getpwnam(name);
    if (!target) {
        report_message("user %s does not exist", name);
        return 1;
    }
    if (getuid() != 0) {
        char password[256];
        int typed = read_password("Password: ", password, sizeof(password)) == 0;
        int right = typed && password_matches(name, password);
        memset(password, 0, sizeof(password));
        if (!right) {
            sleep(1); // as su does: guessing is slow
            report_message("Authentication failure");
            return 1;
        }
    }
    if (become_user(target) < 0) {
        report_errno(name);
        return 1;
    }
    if (set_user_environment(target, login) < 0)
        report_message("warning: cannot change directory to %s", target->pw_dir);
    const char *shell = user_shell(target);
    if (command)
        execl(shell, login ? "-sh" : "sh", "-c", command, (char *)NULL);
    else
        execl(shell, login ? "-sh" : "sh", (char *)NULL);
    report_errno(shell);
    return 126;
}
