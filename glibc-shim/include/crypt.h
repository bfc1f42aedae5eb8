/* crypt.h: one-way password hashing. Only SHA-512 crypt ("$6$", as Debian
   writes /etc/shadow) is known; any other setting fails (null, EINVAL). */
#ifndef _CRYPT_H
#define _CRYPT_H 1

#include <bits/types.h>

__BEGIN_DECLS

/* The hash of `key` with the method, salt and rounds of `setting`
   ("$6$salt$..." or "$6$rounds=N$salt$..."), as "$6$salt$hash"; in a
   static buffer. */
char *crypt(const char *key, const char *setting);

__END_DECLS

#endif
