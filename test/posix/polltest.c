/* polltest: poll and select over pipes and the console, as a program sees
 * them. Prints PASS/FAIL lines and "polltest: done N failed"; exits with N.
 * The console part needs a user: it prints "polltest: press a key" and
 * waits (5 s at most) for one key in raw mode. */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("polltest: %s %s\n", ok ? "PASS" : "FAIL", what);
    fflush(stdout);
    failures += !ok;
}

static long milliseconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static short revents_of(int fd, short events, int timeout_ms)
{
    struct pollfd one = { fd, events, 0 };
    return poll(&one, 1, timeout_ms) == 1 ? one.revents : 0;
}

static void check_pipe_readiness(void)
{
    int ends[2];
    check(pipe(ends) == 0, "pipe");
    check(revents_of(ends[0], POLLIN, 0) == 0, "empty_pipe_is_not_readable");
    check(revents_of(ends[1], POLLOUT, 0) & POLLOUT, "empty_pipe_is_writable");
    check(write(ends[1], "x", 1) == 1, "wrote_a_byte");
    check(revents_of(ends[0], POLLIN, 0) & POLLIN, "pipe_with_a_byte_is_readable");
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(ends[0], &readable);
    struct timeval now = { 0, 0 };
    check(select(ends[0] + 1, &readable, NULL, NULL, &now) == 1 && FD_ISSET(ends[0], &readable), "select_sees_it_too");
    char byte;
    check(read(ends[0], &byte, 1) == 1 && byte == 'x', "read_the_byte");
    close(ends[1]);
    short hung_up = revents_of(ends[0], POLLIN, 0);
    check((hung_up & (POLLIN | POLLHUP)) && read(ends[0], &byte, 1) == 0, "closed_writer_reads_as_end_of_file");
    close(ends[0]);
}

/* poll waits for a byte a child writes 100 ms later, and no longer. */
static void check_poll_waits(void)
{
    int ends[2];
    if (pipe(ends) != 0)
        return;
    pid_t child = fork();
    if (child == 0) {
        usleep(100000);
        _exit(write(ends[1], "y", 1) == 1 ? 0 : 1);
    }
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    short got = revents_of(ends[0], POLLIN, 5000);
    long waited = milliseconds_since(&start);
    check((got & POLLIN) && waited >= 50 && waited < 4000, "poll_waits_for_the_childs_byte");
    int status = -1;
    check(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0, "child_wrote");
    close(ends[0]);
    close(ends[1]);
    clock_gettime(CLOCK_MONOTONIC, &start);
    check(poll(NULL, 0, 150) == 0 && milliseconds_since(&start) >= 100, "poll_with_nothing_sleeps_its_timeout");
}

static void check_console(void)
{
    struct termios saved, raw;
    if (!isatty(0) || tcgetattr(0, &saved) != 0) {
        check(0, "standard_input_is_the_console");
        return;
    }
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSAFLUSH, &raw);
    check(revents_of(0, POLLIN, 0) == 0, "console_has_nothing_typed_yet");
    printf("polltest: press a key\n");
    fflush(stdout);
    short got = revents_of(0, POLLIN, 5000);
    char key = 0;
    int keyed = (got & POLLIN) && read(0, &key, 1) == 1;
    tcsetattr(0, TCSAFLUSH, &saved);
    check(keyed, "poll_sees_a_key_typed_on_the_console");
    printf("polltest: the key was '%c'\n", key);
}

int main(void)
{
    check_pipe_readiness();
    check_poll_waits();
    check_console();
    printf("polltest: done %d failed\n", failures);
    return failures;
}
