/* sys/utsname.h: the system's names (glibc's 65-byte fields). */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H 1

#include <features.h>

#define _UTSNAME_LENGTH 65
#define SYS_NMLN _UTSNAME_LENGTH

struct utsname {
    char sysname[_UTSNAME_LENGTH];
    char nodename[_UTSNAME_LENGTH];
    char release[_UTSNAME_LENGTH];
    char version[_UTSNAME_LENGTH];
    char machine[_UTSNAME_LENGTH];
    char domainname[_UTSNAME_LENGTH];
};

__BEGIN_DECLS

int uname(struct utsname *result);

__END_DECLS

#endif
