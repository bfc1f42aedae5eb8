// poll and select: an io Select request to each open file, every one with
// its own reply port in one port set; the first answer (or the timeout)
// ends the wait, the answers that came by then are the result, and
// destroying the ports drops the requests still parked in the servers.
// With a zero timeout each request says kNow, and every file's answer
// (ready or not) is the result.
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>

#include <interfaces/io.h>
#include <rpc/client.h>

#include "descriptor_table.h"
#include "errors.h"
#include "process_state.h"
#include "signal_port.h"

namespace posix {
mach::PortName file_of(int fd);

namespace {

constexpr nfds_t kMaxPolled = 256;
constexpr uint64_t kSendTimeoutNs = 1'000'000'000; // a server with a full queue
constexpr uint64_t kNowAnswerTimeoutNs = 100'000'000; // a server that does not know kNow

uint32_t wanted_of(short events)
{
    uint32_t wanted = 0;
    if (events & (POLLIN | POLLRDNORM | POLLPRI))
        wanted |= io::kReadable;
    if (events & (POLLOUT | POLLWRNORM))
        wanted |= io::kWritable;
    return wanted;
}

short events_of(uint32_t ready, short asked)
{
    short events = 0;
    if (ready & io::kReadable)
        events |= short(asked & (POLLIN | POLLRDNORM));
    if (ready & io::kWritable)
        events |= short(asked & (POLLOUT | POLLWRNORM));
    return events;
}

struct Waiter {
    mach::PortName set = mach::kNullName;
    mach::PortName ports[kMaxPolled] = {};

    ~Waiter()
    {
        mach::PortName task = process_state().self.task;
        for (mach::PortName port : ports) {
            if (port != mach::kNullName)
                (void)mach::port_destroy(task, port);
        }
        if (set != mach::kNullName)
            (void)mach::port_destroy(task, set);
    }
};

// Asks `file` to answer on a new port of the set when it is ready for
// `wanted` (with io::Select::kNow in `flags`: at once).
Error ask(Waiter& waiter, nfds_t index, mach::PortName file, uint32_t wanted, uint32_t flags)
{
    mach::PortName task = process_state().self.task;
    mach::PortName& port = waiter.ports[index];
    TRY_STATUS(mach::port_allocate(task, mach::RightType::receive, &port));
    TRY_STATUS(mach::port_move_member(task, port, waiter.set));
    rpc::RequestMessage<io::Select> message {};
    message.header.destination = file;
    message.header.destination_disposition = mach::Disposition::copy_send;
    message.header.reply = port;
    message.header.reply_disposition = mach::Disposition::make_send_once;
    message.header.id = io::Select::kId;
    message.header.size = sizeof(message);
    message.body.wanted = wanted;
    message.body.flags = flags;
    return mach::msg(
        &message.header, mach::kSend | mach::kSendTimeout, sizeof(message), 0, mach::kNullName, kSendTimeoutNs);
}

// What one answer says of its file (poll's revents).
short answer_events(mach::MessageHeader& header, short asked)
{
    auto& reply = reinterpret_cast<rpc::ReplyMessage<io::Select>&>(header);
    Error status = rpc::detail::check_reply(
        header, io::Select::kId | rpc::kReplyBit, rpc::detail::body_offset(reply), nullptr, 0);
    if (status == Error::none)
        return events_of(reply.body.ready, asked);
    if (status == Error::not_supported)
        return events_of(io::kReadable | io::kWritable, asked); // a file that never waits
    return status == Error::port_dead ? POLLHUP : POLLERR;
}

nfds_t index_of(const Waiter& waiter, mach::PortName port, nfds_t count)
{
    for (nfds_t i = 0; i < count; i++) {
        if (waiter.ports[i] == port)
            return i;
    }
    return count;
}

// Receives one answer on the set (an error when nothing came by `timeout`).
Result<void> receive_answer(const Waiter& waiter, mach::MessageHeader& header, uint32_t size, uint64_t timeout)
{
    uint32_t options = mach::kReceive | (timeout == mach::kWaitForever ? 0u : uint32_t(mach::kReceiveTimeout));
    return mach::msg(&header, options, 0, size, waiter.set, timeout);
}

// How many of `fds` are ready (their revents set), as poll answers.
Result<int> poll_files(struct pollfd* fds, nfds_t count, int timeout_ms)
{
    bool now = timeout_ms == 0;
    Waiter waiter;
    mach::PortName task = process_state().self.task;
    TRY_STATUS(mach::port_allocate(task, mach::RightType::port_set, &waiter.set));
    int ready = 0;
    int asked = 0;
    for (nfds_t i = 0; i < count; i++) {
        fds[i].revents = 0;
        if (fds[i].fd < 0)
            continue;
        mach::PortName file = file_of(fds[i].fd);
        uint32_t wanted = wanted_of(fds[i].events);
        if (file == mach::kNullName) {
            fds[i].revents = POLLNVAL;
            ready++;
        } else if (wanted != 0 && ask(waiter, i, file, wanted, now ? io::Select::kNow : 0) == Error::none) {
            asked++;
        } else if (wanted != 0) {
            fds[i].revents = POLLERR;
            ready++;
        }
    }
    uint64_t timeout = timeout_ms < 0 ? mach::kWaitForever : uint64_t(timeout_ms) * 1'000'000;
    if (ready > 0)
        timeout = 0;
    if (now)
        timeout = kNowAnswerTimeoutNs; // each answers at once: wait for all of them
    struct {
        rpc::ReplyMessage<io::Select> reply;
        uint64_t slack[8];
    } buffer {};
    if (asked == 0 && ready == 0 && timeout != 0) {
        // Nothing to wait for: poll sleeps its timeout (nothing comes to an empty set).
        (void)receive_answer(waiter, buffer.reply.header, sizeof(buffer), timeout);
        return 0;
    }
    for (int answered = 0; answered < asked; answered++) {
        buffer = {};
        if (!receive_answer(waiter, buffer.reply.header, sizeof(buffer), timeout).ok())
            break; // the time is up (or nothing more came at once)
        nfds_t i = index_of(waiter, buffer.reply.header.destination, count);
        if (i == count)
            continue;
        fds[i].revents = answer_events(buffer.reply.header, fds[i].events);
        if (fds[i].revents)
            ready++;
        if (!now)
            timeout = 0; // one came: take the others that are there, then stop
    }
    return ready;
}

} // namespace
} // namespace posix

extern "C" {

int poll(struct pollfd* fds, nfds_t count, int timeout_ms)
{
    if (count > posix::kMaxPolled)
        return posix::fail_with(EINVAL);
    posix::signals::run_pending();
    Result<int> polled = posix::poll_files(fds, count, timeout_ms);
    int ready = polled.ok() ? polled.value() : posix::fail(polled.error());
    posix::signals::run_pending();
    return ready;
}

int select(int count, fd_set* readable, fd_set* writable, fd_set* failed, struct timeval* timeout)
{
    if (count < 0 || count > FD_SETSIZE)
        return posix::fail_with(EINVAL);
    static struct pollfd fds[posix::kMaxPolled];
    nfds_t used = 0;
    for (int fd = 0; fd < count; fd++) {
        short events = 0;
        if (readable && FD_ISSET(fd, readable))
            events |= POLLIN;
        if (writable && FD_ISSET(fd, writable))
            events |= POLLOUT;
        if (failed && FD_ISSET(fd, failed))
            events |= POLLPRI;
        if (!events)
            continue;
        if (used == posix::kMaxPolled)
            return posix::fail_with(EINVAL);
        fds[used++] = { fd, events, 0 };
    }
    int timeout_ms = timeout ? int(timeout->tv_sec * 1000 + timeout->tv_usec / 1000) : -1;
    int ready = poll(fds, used, timeout_ms);
    if (ready < 0)
        return -1;
    int bits = 0;
    for (fd_set* set : { readable, writable, failed }) {
        if (set)
            memset(set, 0, sizeof(*set));
    }
    for (nfds_t i = 0; i < used; i++) {
        if (fds[i].revents & POLLNVAL)
            return posix::fail_with(EBADF);
        if (readable && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
            FD_SET(fds[i].fd, readable);
            bits++;
        }
        if (writable && (fds[i].revents & (POLLOUT | POLLERR))) {
            FD_SET(fds[i].fd, writable);
            bits++;
        }
    }
    return bits;
}

} // extern "C"
