// Running a piece of a test in a child process, to check that it stops the
// program (a failed ASSERT aborts) without ending the test run.
#pragma once

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace test_support {

// Runs `action` in a child process, quietly (no ASSERT message, no report
// from Catch's own signal handler); returns the child's wait status.
template <typename Action> int run_in_child(Action action)
{
    std::fflush(nullptr);
    pid_t child = fork();
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        action();
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return status;
}

// True if `action` ends the process with SIGABRT (a failed ASSERT).
template <typename Action> bool aborts(Action action)
{
    int status = run_in_child(action);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

// True if `action` does not let the process exit normally with status 0.
template <typename Action> bool dies(Action action)
{
    int status = run_in_child(action);
    return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

} // namespace test_support
