/* shadow.h: the shadow password file, /etc/shadow (readable by root only). */
#ifndef _SHADOW_H
#define _SHADOW_H 1

#include <bits/types.h>

struct spwd {
    char *sp_namp; /* login name */
    char *sp_pwdp; /* hashed password ("$6$salt$hash"; "!" or "*": none works) */
    long sp_lstchg; /* days since the epoch of the last change; -1 if empty */
    long sp_min;
    long sp_max;
    long sp_warn;
    long sp_inact;
    long sp_expire;
    unsigned long sp_flag;
};

__BEGIN_DECLS

struct spwd *getspnam(const char *name);

__END_DECLS

#endif
