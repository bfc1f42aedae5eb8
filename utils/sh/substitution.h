// Command substitution: $(command) runs in a child shell whose standard
// output comes back through a pipe.
#ifndef SH_SUBSTITUTION_H
#define SH_SUBSTITUTION_H

#ifdef __cplusplus
extern "C" {
#endif

// `context` is the struct shell. Returns the command's output (a new
// string) and sets $? (and the shell's substitution_status) to its
// status; NULL after reporting a failure.
char *command_output(void *context, const char *command);

#ifdef __cplusplus
}
#endif

#endif
