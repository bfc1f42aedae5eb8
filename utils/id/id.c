// id [-u | -g | -G] [-nr] [user]: the user and group ids of the process
// (or of `user`, from /etc/passwd and /etc/group), as POSIX prints them:
// "uid=1000(user) gid=100(users) groups=100(users),50(staff)", with
// euid= and egid= when they differ from the real ids.
#define _DEFAULT_SOURCE
#include "report.h"

#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct ids {
    uid_t uid, euid;
    gid_t gid, egid;
    gid_t groups[NGROUPS_MAX + 1];
    int group_count;
};

static void print_user(uid_t uid)
{
    struct passwd *entry = getpwuid(uid);
    if (entry)
        printf("%u(%s)", (unsigned)uid, entry->pw_name);
    else
        printf("%u", (unsigned)uid);
}

static void print_group(gid_t gid)
{
    struct group *entry = getgrgid(gid);
    if (entry)
        printf("%u(%s)", (unsigned)gid, entry->gr_name);
    else
        printf("%u", (unsigned)gid);
}

// Adds `gid` to the list unless it is there already.
static void add_group(struct ids *ids, gid_t gid)
{
    for (int i = 0; i < ids->group_count; i++)
        if (ids->groups[i] == gid)
            return;
    if (ids->group_count < NGROUPS_MAX + 1)
        ids->groups[ids->group_count++] = gid;
}

static int process_ids(struct ids *ids)
{
    ids->uid = getuid();
    ids->euid = geteuid();
    ids->gid = getgid();
    ids->egid = getegid();
    ids->group_count = 0;
    add_group(ids, ids->egid);
    gid_t groups[NGROUPS_MAX];
    int count = getgroups(NGROUPS_MAX, groups);
    if (count < 0)
        return -1;
    for (int i = 0; i < count; i++)
        add_group(ids, groups[i]);
    return 0;
}

static int user_ids(const char *name, struct ids *ids)
{
    struct passwd *entry = getpwnam(name);
    if (!entry)
        return -1;
    ids->uid = ids->euid = entry->pw_uid;
    ids->gid = ids->egid = entry->pw_gid;
    ids->group_count = 0;
    add_group(ids, entry->pw_gid);
    char user[256];
    snprintf(user, sizeof(user), "%s", entry->pw_name);
    setgrent();
    for (struct group *group = getgrent(); group; group = getgrent())
        for (char **member = group->gr_mem; *member; member++)
            if (strcmp(*member, user) == 0)
                add_group(ids, group->gr_gid);
    endgrent();
    return 0;
}

// One id, as -u or -g print it: a number, or with -n a name.
static void print_one(unsigned id, int names, int is_user)
{
    if (names) {
        struct passwd *user = is_user ? getpwuid(id) : NULL;
        struct group *group = is_user ? NULL : getgrgid(id);
        if (user) {
            fputs(user->pw_name, stdout);
            return;
        }
        if (group) {
            fputs(group->gr_name, stdout);
            return;
        }
    }
    printf("%u", id);
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    char what = 0;
    int names = 0, real = 0;
    int option;
    while ((option = getopt(argc, argv, "ugGnr")) != -1) {
        switch (option) {
        case 'u':
        case 'g':
        case 'G': what = (char)option; break;
        case 'n': names = 1; break;
        case 'r': real = 1; break;
        default: report_message("usage: id [-u | -g | -G] [-nr] [user]"); return 1;
        }
    }
    struct ids ids;
    if (optind < argc) {
        if (user_ids(argv[optind], &ids) < 0) {
            report_message("%s: no such user", argv[optind]);
            return 1;
        }
    } else if (process_ids(&ids) < 0) {
        report_errno("getgroups");
        return 1;
    }
    if (what == 'u') {
        print_one(real ? ids.uid : ids.euid, names, 1);
    } else if (what == 'g') {
        print_one(real ? ids.gid : ids.egid, names, 0);
    } else if (what == 'G') {
        for (int i = 0; i < ids.group_count; i++) {
            if (i)
                putchar(' ');
            print_one(ids.groups[i], names, 0);
        }
    } else {
        fputs("uid=", stdout);
        print_user(ids.uid);
        fputs(" gid=", stdout);
        print_group(ids.gid);
        if (ids.euid != ids.uid) {
            fputs(" euid=", stdout);
            print_user(ids.euid);
        }
        if (ids.egid != ids.gid) {
            fputs(" egid=", stdout);
            print_group(ids.egid);
        }
        fputs(" groups=", stdout);
        for (int i = 0; i < ids.group_count; i++) {
            if (i)
                putchar(',');
            print_group(ids.groups[i]);
        }
    }
    putchar('\n');
    return 0;
}
