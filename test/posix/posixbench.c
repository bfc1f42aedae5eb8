/* posixbench: the C library's process and pipe primitives, measured in
 * guest instructions (make bench boots with qemu -icount, where the TSC
 * counts instructions). Each figure prints as
 * "posixbench: <name> <instructions> insn/op":
 *   getpid          one getpid() (a round trip to proc)
 *   pipe_pingpong   one byte to a child through a pipe and one byte back
 *   fork_wait       fork, the child's _exit, the parent's waitpid
 *   fork_exec_wait  the same with an execv of /bin/true in the child
 * Exits non-zero (and prints why) if an operation fails. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t instructions(void)
{
    uint32_t low, high;
    __asm__ volatile("rdtsc" : "=a"(low), "=d"(high));
    return ((uint64_t)high << 32) | low;
}

static void fail(const char *what)
{
    perror(what);
    exit(1);
}

/* Runs `operation` a few times to warm up, then `rounds` times, and
 * prints the instructions per round. */
static void measure(const char *name, int rounds, void (*operation)(void))
{
    for (int i = 0; i < 3; i++)
        operation();
    uint64_t start = instructions();
    for (int i = 0; i < rounds; i++)
        operation();
    printf("posixbench: %s %llu insn/op\n", name, (unsigned long long)((instructions() - start) / rounds));
    fflush(stdout);
}

static void one_getpid(void)
{
    if (getpid() <= 0)
        fail("getpid");
}

/* The parent's ends of the ping-pong pipes: it writes to_child, reads from_child. */
static int to_child = -1, from_child = -1;

static void one_pingpong(void)
{
    char byte = 'p';
    if (write(to_child, &byte, 1) != 1 || read(from_child, &byte, 1) != 1)
        fail("pipe_pingpong");
}

/* The child echoes each byte back until the parent closes its end. */
static void echo_bytes(int in, int out)
{
    char byte;
    while (read(in, &byte, 1) == 1)
        if (write(out, &byte, 1) != 1)
            _exit(1);
    _exit(0);
}

static void measure_pingpong(int rounds)
{
    int down[2], up[2];
    if (pipe(down) < 0 || pipe(up) < 0)
        fail("pipe");
    pid_t child = fork();
    if (child < 0)
        fail("fork");
    if (child == 0) {
        close(down[1]);
        close(up[0]);
        echo_bytes(down[0], up[1]);
    }
    close(down[0]);
    close(up[1]);
    to_child = down[1];
    from_child = up[0];
    measure("pipe_pingpong", rounds, one_pingpong);
    close(to_child);
    close(from_child);
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("pipe_pingpong: the echoing child");
}

/* Waits for `child`, which must have ended with status 0. */
static void reap(pid_t child, const char *what)
{
    int status;
    if (child < 0)
        fail(what);
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail(what);
}

static void one_fork_wait(void)
{
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    reap(child, "fork_wait");
}

static void one_fork_exec_wait(void)
{
    pid_t child = fork();
    if (child == 0) {
        char *argv[] = { "true", NULL };
        execv("/bin/true", argv);
        _exit(127);
    }
    reap(child, "fork_exec_wait");
}

int main(void)
{
    measure("getpid", 1000, one_getpid);
    measure_pingpong(500);
    measure("fork_wait", 20, one_fork_wait);
    measure("fork_exec_wait", 10, one_fork_exec_wait);
    printf("posixbench: done\n");
    return 0;
}
