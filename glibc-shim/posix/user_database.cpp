// The user and group databases: /etc/passwd, /etc/group and /etc/shadow,
// read line by line (the files are small; nothing is cached). The _r forms
// put every string of an entry in the caller's buffer; the others use one
// static buffer per database, as glibc's do (not thread-safe).
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <shadow.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

constexpr size_t kStaticBuffer = 4096;

// Splits `line` at `separator` in place into exactly `count` fields; false
// if it has another number of them.
bool split(char* line, char** fields, int count, char separator)
{
    int found = 0;
    char* at = line;
    while (found < count) {
        fields[found++] = at;
        char* end = strchr(at, separator);
        if (!end)
            break;
        *end = '\0';
        at = end + 1;
    }
    return found == count && !strchr(fields[count - 1], separator);
}

// A decimal id; false for anything else.
bool parse_id(const char* text, unsigned* id)
{
    if (!*text)
        return false;
    char* end = nullptr;
    unsigned long value = strtoul(text, &end, 10);
    if (*end || value > 0xfffffffeul)
        return false;
    *id = unsigned(value);
    return true;
}

// A number of days for shadow, -1 if empty.
long parse_days(const char* text)
{
    if (!*text)
        return -1;
    char* end = nullptr;
    long value = strtol(text, &end, 10);
    return *end ? -1 : value;
}

// Copies the next line of `file` into `buffer` (without its newline).
// ERANGE (a line longer than the buffer: it is skipped), or 0 and
// *eof at the end.
int next_line(FILE* file, char* buffer, size_t size, bool* eof)
{
    *eof = false;
    if (!fgets(buffer, int(size), file)) {
        *eof = true;
        return 0;
    }
    size_t length = strlen(buffer);
    if (length > 0 && buffer[length - 1] == '\n') {
        buffer[length - 1] = '\0';
        return 0;
    }
    if (feof(file))
        return 0; // the last line, without a newline
    int c;
    while ((c = fgetc(file)) != EOF && c != '\n') {
    }
    return ERANGE;
}

bool parse_passwd(char* line, passwd* entry)
{
    char* fields[7];
    unsigned uid = 0, gid = 0;
    if (!split(line, fields, 7, ':') || !parse_id(fields[2], &uid) || !parse_id(fields[3], &gid))
        return false;
    *entry = { fields[0], fields[1], uid, gid, fields[4], fields[5], fields[6] };
    return true;
}

// The members go into `members` (room for `room` pointers, null-terminated).
bool parse_group(char* line, group* entry, char** members, size_t room)
{
    char* fields[4];
    unsigned gid = 0;
    if (room == 0 || !split(line, fields, 4, ':') || !parse_id(fields[2], &gid))
        return false;
    size_t count = 0;
    for (char* at = fields[3]; *at;) {
        char* end = strchrnul(at, ',');
        bool last = *end == '\0';
        *end = '\0';
        if (*at) {
            if (count + 1 >= room)
                return false;
            members[count++] = at;
        }
        if (last)
            break;
        at = end + 1;
    }
    members[count] = nullptr;
    *entry = { fields[0], fields[1], gid, members };
    return true;
}

bool parse_shadow(char* line, spwd* entry)
{
    char* fields[9];
    if (!split(line, fields, 9, ':'))
        return false;
    entry->sp_namp = fields[0];
    entry->sp_pwdp = fields[1];
    entry->sp_lstchg = parse_days(fields[2]);
    entry->sp_min = parse_days(fields[3]);
    entry->sp_max = parse_days(fields[4]);
    entry->sp_warn = parse_days(fields[5]);
    entry->sp_inact = parse_days(fields[6]);
    entry->sp_expire = parse_days(fields[7]);
    entry->sp_flag = (unsigned long)-1;
    return true;
}

// Scans `path` for the first line that parse(line, rest, rest_size)
// accepts and match() likes: 0 and *found, or 0 and not *found, or an errno.
template <typename Parse, typename Match>
int scan(const char* path, char* buffer, size_t size, bool* found, Parse parse, Match match)
{
    *found = false;
    FILE* file = fopen(path, "r");
    if (!file)
        return errno == ENOENT ? 0 : errno;
    int error = 0;
    for (;;) {
        bool eof = false;
        int status = next_line(file, buffer, size, &eof);
        if (eof)
            break;
        if (status != 0) {
            error = status; // a line too long for the buffer
            continue;
        }
        if (parse() && match()) {
            *found = true;
            error = 0;
            break;
        }
    }
    fclose(file);
    return error;
}

// The pointer-aligned room after the line in a group buffer: for the members.
char** members_room(char* buffer, size_t size, size_t used, size_t* room)
{
    uintptr_t start = (uintptr_t(buffer) + used + alignof(char*) - 1) & ~uintptr_t(alignof(char*) - 1);
    uintptr_t end = uintptr_t(buffer) + size;
    *room = start < end ? (end - start) / sizeof(char*) : 0;
    return reinterpret_cast<char**>(start);
}

template <typename Match> int find_passwd(passwd* entry, char* buffer, size_t size, passwd** result, Match match)
{
    *result = nullptr;
    bool found = false;
    int error = scan(
        "/etc/passwd", buffer, size, &found, [&] { return parse_passwd(buffer, entry); },
        [&] { return match(*entry); });
    if (found)
        *result = entry;
    return error;
}

template <typename Match> int find_group(group* entry, char* buffer, size_t size, group** result, Match match)
{
    *result = nullptr;
    bool found = false;
    // Lines take at most half the buffer: the members' pointers the rest.
    size_t line_size = size / 2;
    int error = scan(
        "/etc/group", buffer, line_size, &found,
        [&] {
            size_t room = 0;
            char** members = members_room(buffer, size, strlen(buffer) + 1, &room);
            return parse_group(buffer, entry, members, room);
        },
        [&] { return match(*entry); });
    if (found)
        *result = entry;
    return error;
}

char g_passwd_buffer[kStaticBuffer];
passwd g_passwd;
char g_group_buffer[kStaticBuffer];
group g_group;
char g_shadow_buffer[kStaticBuffer];
spwd g_shadow;

// The non-_r forms: what find(&result) found, or null with errno set
// only on an error.
template <typename Entry, typename Find> Entry* or_null(Find find)
{
    Entry* result = nullptr;
    int error = find(&result);
    if (error != 0)
        errno = error;
    return result;
}

// The enumeration of /etc/passwd (getpwent) and /etc/group (getgrent).
FILE* g_passwd_file;
FILE* g_group_file;

FILE* open_once(FILE*& file, const char* path)
{
    if (!file)
        file = fopen(path, "r");
    return file;
}

void close_file(FILE*& file)
{
    if (file)
        fclose(file);
    file = nullptr;
}

} // namespace

extern "C" {

int getpwnam_r(const char* name, passwd* entry, char* buffer, size_t size, passwd** result)
{
    return find_passwd(entry, buffer, size, result, [&](const passwd& e) { return strcmp(e.pw_name, name) == 0; });
}

int getpwuid_r(uid_t uid, passwd* entry, char* buffer, size_t size, passwd** result)
{
    return find_passwd(entry, buffer, size, result, [&](const passwd& e) { return e.pw_uid == uid; });
}

passwd* getpwnam(const char* name)
{
    return or_null<passwd>(
        [&](passwd** result) { return getpwnam_r(name, &g_passwd, g_passwd_buffer, sizeof(g_passwd_buffer), result); });
}

passwd* getpwuid(uid_t uid)
{
    return or_null<passwd>(
        [&](passwd** result) { return getpwuid_r(uid, &g_passwd, g_passwd_buffer, sizeof(g_passwd_buffer), result); });
}

int getgrnam_r(const char* name, group* entry, char* buffer, size_t size, group** result)
{
    return find_group(entry, buffer, size, result, [&](const group& e) { return strcmp(e.gr_name, name) == 0; });
}

int getgrgid_r(gid_t gid, group* entry, char* buffer, size_t size, group** result)
{
    return find_group(entry, buffer, size, result, [&](const group& e) { return e.gr_gid == gid; });
}

group* getgrnam(const char* name)
{
    return or_null<group>(
        [&](group** result) { return getgrnam_r(name, &g_group, g_group_buffer, sizeof(g_group_buffer), result); });
}

group* getgrgid(gid_t gid)
{
    return or_null<group>(
        [&](group** result) { return getgrgid_r(gid, &g_group, g_group_buffer, sizeof(g_group_buffer), result); });
}

spwd* getspnam(const char* name)
{
    bool found = false;
    int error = scan(
        "/etc/shadow", g_shadow_buffer, sizeof(g_shadow_buffer), &found,
        [&] { return parse_shadow(g_shadow_buffer, &g_shadow); }, [&] { return strcmp(g_shadow.sp_namp, name) == 0; });
    if (error != 0)
        errno = error;
    return found ? &g_shadow : nullptr;
}

void setpwent(void) { close_file(g_passwd_file); }
void endpwent(void) { close_file(g_passwd_file); }

passwd* getpwent(void)
{
    FILE* file = open_once(g_passwd_file, "/etc/passwd");
    while (file) {
        bool eof = false;
        if (next_line(file, g_passwd_buffer, sizeof(g_passwd_buffer), &eof) == 0 && !eof
            && parse_passwd(g_passwd_buffer, &g_passwd))
            return &g_passwd;
        if (eof)
            break;
    }
    return nullptr;
}

void setgrent(void) { close_file(g_group_file); }
void endgrent(void) { close_file(g_group_file); }

group* getgrent(void)
{
    FILE* file = open_once(g_group_file, "/etc/group");
    static char* members[kStaticBuffer / 2 / sizeof(char*)];
    while (file) {
        bool eof = false;
        if (next_line(file, g_group_buffer, sizeof(g_group_buffer), &eof) == 0 && !eof
            && parse_group(g_group_buffer, &g_group, members, sizeof(members) / sizeof(members[0])))
            return &g_group;
        if (eof)
            break;
    }
    return nullptr;
}

// `group` and every group of /etc/group that lists `user`, as the supplementary groups.
int initgroups(const char* user, gid_t group_id)
{
    gid_t groups[NGROUPS_MAX];
    size_t count = 0;
    groups[count++] = group_id;
    setgrent();
    for (group* entry = getgrent(); entry; entry = getgrent()) {
        bool listed = false;
        for (char** member = entry->gr_mem; *member && !listed; member++)
            listed = strcmp(*member, user) == 0;
        bool known = false;
        for (size_t i = 0; i < count; i++)
            known = known || groups[i] == entry->gr_gid;
        if (listed && !known && count < NGROUPS_MAX)
            groups[count++] = entry->gr_gid;
    }
    endgrent();
    return setgroups(count, groups);
}

} // extern "C"
