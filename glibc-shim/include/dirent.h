/* dirent.h: reading directories; struct dirent has glibc's x86-64 layout. */
#ifndef _DIRENT_H
#define _DIRENT_H 1

#include <bits/types.h>

struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
#define dirent64 dirent
#define _DIRENT_HAVE_D_TYPE 1
#define _DIRENT_HAVE_D_OFF 1
#define _DIRENT_HAVE_D_RECLEN 1

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14
#define IFTODT(mode) (((mode)&0170000) >> 12)
#define DTTOIF(type) ((type) << 12)

/* An open directory stream (opaque: posix/ owns its contents). */
typedef struct __dirstream DIR;

__BEGIN_DECLS

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *directory);
int readdir_r(DIR *__restrict directory, struct dirent *__restrict entry, struct dirent **__restrict result);
int closedir(DIR *directory);
void rewinddir(DIR *directory);
long telldir(DIR *directory);
void seekdir(DIR *directory, long position);
int dirfd(DIR *directory);
int scandir(const char *__restrict path, struct dirent ***__restrict result, int (*select)(const struct dirent *),
    int (*compare)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);

__END_DECLS

#endif
