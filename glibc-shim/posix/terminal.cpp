// The terminal calls: isatty, tcgetattr, tcsetattr, tcflush, tcgetpgrp,
// tcsetpgrp and the terminal requests of ioctl, as the term interface
// (lib/interfaces/term.h) on the descriptor's open file.
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <interfaces/term.h>
#include <rpc/client.h>

#include "errors.h"

namespace posix {
mach::PortName file_of(int fd);

namespace {

// A call of the term interface on `fd`: invalid_name for a closed
// descriptor, not_supported where the file is no terminal.
template <typename Op> Result<void> term_call(int fd, const typename Op::Request& request, typename Op::Reply& reply)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName)
        return Error::invalid_name;
    return rpc::call<Op>(file, request, reply);
}

// The POSIX answer of a term_call: 0, or -1 with errno set (ENOTTY where
// the file is no terminal, EBADF for a closed descriptor).
int terminal_status(const Result<void>& result)
{
    if (result.ok())
        return 0;
    return result.error() == Error::not_supported ? fail_with(ENOTTY) : fail(result.error());
}

void to_termios(const term::Attributes& from, struct termios& to)
{
    memset(&to, 0, sizeof(to));
    to.c_iflag = from.input_modes;
    to.c_oflag = from.output_modes;
    to.c_cflag = from.control_modes;
    to.c_lflag = from.local_modes;
    memcpy(to.c_cc, from.control_characters, sizeof(to.c_cc));
    to.c_ispeed = from.input_speed;
    to.c_ospeed = from.output_speed;
}

void from_termios(const struct termios& from, term::Attributes& to)
{
    to.input_modes = from.c_iflag;
    to.output_modes = from.c_oflag;
    to.control_modes = from.c_cflag;
    to.local_modes = from.c_lflag;
    memcpy(to.control_characters, from.c_cc, sizeof(to.control_characters));
    to.input_speed = from.c_ispeed;
    to.output_speed = from.c_ospeed;
}

} // namespace
} // namespace posix

using posix::fail_with;

extern "C" {

int tcgetattr(int fd, struct termios* out)
{
    term::GetAttributes::Reply reply {};
    if (posix::terminal_status(posix::term_call<term::GetAttributes>(fd, {}, reply)) != 0)
        return -1;
    posix::to_termios(reply.attributes, *out);
    return 0;
}

int tcsetattr(int fd, int when, const struct termios* attributes)
{
    if (when != TCSANOW && when != TCSADRAIN && when != TCSAFLUSH)
        return fail_with(EINVAL);
    term::SetAttributes::Request request {};
    posix::from_termios(*attributes, request.attributes);
    request.when = static_cast<term::When>(when);
    term::SetAttributes::Reply reply {};
    return posix::terminal_status(posix::term_call<term::SetAttributes>(fd, request, reply));
}

int isatty(int fd)
{
    struct termios attributes;
    int saved = errno;
    if (tcgetattr(fd, &attributes) == 0)
        return 1;
    if (errno != EBADF)
        errno = ENOTTY;
    (void)saved;
    return 0;
}

int tcflush(int fd, int which)
{
    if (which != TCIFLUSH && which != TCOFLUSH && which != TCIOFLUSH)
        return fail_with(EINVAL);
    term::Flush::Request request { which != TCOFLUSH ? 1u : 0u, which != TCIFLUSH ? 1u : 0u };
    term::Flush::Reply reply {};
    return posix::terminal_status(posix::term_call<term::Flush>(fd, request, reply));
}

int tcdrain(int fd) { return isatty(fd) ? 0 : -1; } // output is written before Write answers

pid_t tcgetpgrp(int fd)
{
    term::GetForegroundGroup::Reply reply {};
    return posix::terminal_status(posix::term_call<term::GetForegroundGroup>(fd, {}, reply)) == 0 ? reply.group : -1;
}

int tcsetpgrp(int fd, pid_t group)
{
    term::SetForegroundGroup::Reply reply {};
    return posix::terminal_status(posix::term_call<term::SetForegroundGroup>(fd, { group, 0 }, reply));
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list arguments;
    va_start(arguments, request);
    void* argument = va_arg(arguments, void*);
    va_end(arguments);
    switch (request) {
    case TIOCGWINSZ: {
        term::GetWindowSize::Reply reply {};
        if (posix::terminal_status(posix::term_call<term::GetWindowSize>(fd, {}, reply)) != 0)
            return -1;
        struct winsize* size = static_cast<struct winsize*>(argument);
        size->ws_row = reply.size.rows;
        size->ws_col = reply.size.columns;
        size->ws_xpixel = reply.size.x_pixels;
        size->ws_ypixel = reply.size.y_pixels;
        return 0;
    }
    case TIOCSWINSZ: {
        const struct winsize* size = static_cast<const struct winsize*>(argument);
        term::SetWindowSize::Reply reply {};
        return posix::terminal_status(posix::term_call<term::SetWindowSize>(
            fd, { { size->ws_row, size->ws_col, size->ws_xpixel, size->ws_ypixel } }, reply));
    }
    case TIOCGPGRP: {
        pid_t group = tcgetpgrp(fd);
        if (group < 0)
            return -1;
        *static_cast<pid_t*>(argument) = group;
        return 0;
    }
    case TIOCSPGRP: return tcsetpgrp(fd, *static_cast<const pid_t*>(argument));
    default: return fail_with(ENOTTY);
    }
}

} // extern "C"
