/* getopt.h: command-line option parsing, with GNU long options. */
#ifndef _GETOPT_H
#define _GETOPT_H 1

#include <features.h>

#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
    const char *name;
    int has_arg;
    int *flag;
    int val;
};

__BEGIN_DECLS

extern char *optarg;
extern int optind;
extern int opterr;
extern int optopt;

int getopt(int argc, char *const argv[], const char *options);
int getopt_long(int argc, char *const argv[], const char *options, const struct option *long_options, int *long_index);
int getopt_long_only(
    int argc, char *const argv[], const char *options, const struct option *long_options, int *long_index);

__END_DECLS

#endif
