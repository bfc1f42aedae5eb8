/* sys/select.h: fd_set (1024 descriptors, glibc's layout) and select. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H 1

#include <bits/sigset.h>
#include <bits/timespec.h>
#include <bits/types.h>

#define FD_SETSIZE 1024
#define __NFDBITS (8 * (int)sizeof(long))

typedef long __fd_mask;
typedef struct {
    __fd_mask fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;
typedef __fd_mask fd_mask;
#define NFDBITS __NFDBITS

#define __FD_WORD(fd) ((fd) / __NFDBITS)
#define __FD_BIT(fd) ((__fd_mask)(1UL << ((fd) % __NFDBITS)))
#define FD_SET(fd, set) ((void)((set)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd)))
#define FD_CLR(fd, set) ((void)((set)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd)))
#define FD_ISSET(fd, set) (((set)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)) != 0)
#define FD_ZERO(set)                                                                                                   \
 do {                                                                                                                  \
  unsigned int __fd_zero_index;                                                                                        \
  for (__fd_zero_index = 0; __fd_zero_index < FD_SETSIZE / __NFDBITS; ++__fd_zero_index)                               \
   (set)->fds_bits[__fd_zero_index] = 0;                                                                               \
 } while (0)

__BEGIN_DECLS

int select(int count, fd_set *__restrict readable, fd_set *__restrict writable, fd_set *__restrict exceptional,
    struct timeval *__restrict timeout);
int pselect(int count, fd_set *__restrict readable, fd_set *__restrict writable, fd_set *__restrict exceptional,
    const struct timespec *__restrict timeout, const sigset_t *__restrict mask);

__END_DECLS

#endif
