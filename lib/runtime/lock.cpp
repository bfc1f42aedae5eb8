#include <runtime/lock.h>
#include <runtime/mach.h>

namespace runtime {
namespace {

constexpr uint32_t kNoPort = 0;
constexpr uint32_t kMaking = 1;
constexpr uint32_t kReady = 2;

mach::PortName own_task()
{
    mach::SelfPorts self {};
    if (mach::self_ports(&self) != Error::none)
        return mach::kNullName;
    // The thread and host names got a reference each: give them back.
    (void)mach::port_deallocate(self.task, self.thread);
    (void)mach::port_deallocate(self.task, self.host);
    return self.task;
}

} // namespace

Lock::~Lock()
{
    if (__atomic_load_n(&m_port_state, __ATOMIC_ACQUIRE) != kReady)
        return;
    mach::PortName task = own_task();
    (void)mach::port_deallocate(task, m_send);
    (void)mach::port_destroy(task, m_port);
}

void Lock::lock()
{
    if (__atomic_fetch_add(&m_count, 1, __ATOMIC_ACQUIRE) == 0)
        return;
    wait_for_token();
}

void Lock::unlock()
{
    if (__atomic_fetch_sub(&m_count, 1, __ATOMIC_RELEASE) > 1)
        send_token(); // a waiter is counted: it holds the lock next
}

bool Lock::ensure_port()
{
    uint32_t expected = kNoPort;
    if (__atomic_compare_exchange_n(&m_port_state, &expected, kMaking, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        mach::PortName task = own_task();
        mach::PortName port = mach::kNullName;
        mach::PortName send = mach::kNullName;
        bool made = mach::port_allocate(task, mach::RightType::receive, &port) == Error::none
            && mach::port_extract_right(task, port, mach::Disposition::make_send, &send) == Error::none
            && mach::port_set_queue_limit(task, port, mach::kMaxQueueLimit) == Error::none;
        if (!made) {
            if (port != mach::kNullName)
                (void)mach::port_destroy(task, port);
            __atomic_store_n(&m_port_state, kNoPort, __ATOMIC_RELEASE);
            return false;
        }
        m_port = port;
        m_send = send;
        __atomic_store_n(&m_port_state, kReady, __ATOMIC_RELEASE);
        return true;
    }
    // Another contender is making it: a moment.
    while (__atomic_load_n(&m_port_state, __ATOMIC_ACQUIRE) == kMaking)
        (void)mach::thread_yield();
    return __atomic_load_n(&m_port_state, __ATOMIC_ACQUIRE) == kReady;
}

void Lock::wait_for_token()
{
    for (;;) {
        if (ensure_port()) {
            mach::MessageHeader token {};
            if (mach::msg(&token, mach::kReceive, 0, sizeof(token), m_port) == Error::none)
                return;
        }
        // No port (the task is out of ports) or a failed receive: keep the
        // turn by waiting politely; the token comes once the port exists.
        (void)mach::thread_yield();
    }
}

void Lock::send_token()
{
    // The waiter counted may not have made the port yet: ensure_port waits for it.
    while (!ensure_port())
        (void)mach::thread_yield();
    mach::MessageHeader token {};
    token.destination = m_send;
    token.destination_disposition = mach::Disposition::copy_send;
    token.size = sizeof(token);
    while (mach::msg(&token, mach::kSend, sizeof(token), 0, mach::kNullName) != Error::none)
        (void)mach::thread_yield();
}

} // namespace runtime
