/* portico.h: what a Portico program may ask its C library beyond POSIX:
 * the rights it was started with (its init ports), for programs that
 * speak the system's interfaces themselves (settrans, ps, ...). */
#ifndef _PORTICO_H
#define _PORTICO_H 1

#ifdef __cplusplus
extern "C" {
#endif

/* Which init port (lib/interfaces/init_ports.h's numbering). */
enum {
    PORTICO_ROOT_DIRECTORY = 0,
    PORTICO_WORKING_DIRECTORY = 1,
    PORTICO_AUTH = 2,
    PORTICO_PROC = 3,
    PORTICO_EXEC_SERVER = 4,
};

/* The name of that right in the program's task (0 if it has none). The
 * library keeps the right: a program that keeps a name past a chdir
 * must take a reference of its own. */
unsigned int portico_init_port(int which);

/* The name of the right behind open file `fd` (0 if `fd` is not open).
 * The library keeps the right, as with portico_init_port. */
unsigned int portico_fd_port(int fd);

#ifdef __cplusplus
}
#endif

#endif
