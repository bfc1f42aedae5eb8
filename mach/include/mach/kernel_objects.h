// Operations on kernel objects, as messages to their ports (part of the ABI).
//
// Tasks, threads and the host are ports the kernel receives on; holding a
// send right is the permission. A request is a message with one of the ids
// below, a send-once reply right (make_send_once of the caller's reply
// port) and the request body; the kernel answers at once with a message
// whose id is the request id | kReplyBit, whose body starts with a
// KernelReply (the status), followed by the operation's result. A right in
// a result arrives in the reply's one port descriptor.
#pragma once

#include <mach/message.h>
#include <stdint.h>

namespace mach {

enum class KernelCall : uint32_t {
    // To a task port.
    task_terminate = 0x1000, // body: TaskTerminateRequest; no result
    task_info = 0x1001, // no body; result: TaskInfo
    // A new task with an empty address space and name space, and no thread.
    // Body: TaskCreateRequest; result: its task port (a send right in the
    // reply's port descriptor). The task ends when its last thread ends or,
    // if it never had one, when its task port has no senders left.
    task_create = 0x1002,
    // A new thread in the task. Body: ThreadCreateRequest; result: its thread port.
    thread_create = 0x1003,
    // Gives the task the right in the request's port descriptor as its
    // bootstrap port (what self_ports reports). No body; no result.
    task_set_bootstrap = 0x1004,
    // A new task made from this one, with no thread (fork, and exec's new
    // task). It gets a copy of each send right the task holds, under the
    // same name and with the same payload (so both share what the right
    // stands for: an open file's offset), except the task's own task and
    // thread ports; and with kForkMemory, the task's memory copy-on-write at
    // the same addresses (shared memory stays shared, device memory is
    // left out). Body: TaskForkRequest; result: its task port.
    task_fork = 0x1005,
    // To a thread port.
    thread_terminate = 0x1100, // no body; no result
    thread_info = 0x1101, // no body; result: ThreadInfo
    // To the host port.
    host_statistics = 0x1200, // no body; result: HostStatistics
    // A copy of a boot module's bytes (a file GRUB loaded: the root file
    // system's archive, say). Body: BootModuleRequest; result:
    // BootModuleReply and a memory object holding the bytes.
    host_boot_module = 0x1201,
    // To the device port (only the first boot task is given it). Each
    // grants the calling task, which may pass the port on to its drivers.
    device_io_ports = 0x1300, // body: DeviceIoPortsRequest; in/out on those ports from then on
    device_map_physical = 0x1301, // body: DeviceMapRequest; result: DeviceMapReply
    device_allocate_dma = 0x1302, // body: DeviceDmaRequest; result: DeviceDmaReply
    // Claims an interrupt line: body DeviceInterruptRequest, and in the port
    // descriptor a send right to the port its InterruptNotification
    // messages go to; result: the line's port. The line is masked after each
    // interrupt until interrupt_acknowledge; it is freed when its port has
    // no senders left.
    device_interrupt = 0x1303,
    // Powers the machine off or restarts it. Body: PowerRequest; no result
    // (on success there is nobody left to answer). Startup gives the device
    // port to proc, which does this for root's processes only (proc Shutdown).
    device_power = 0x1304,
    // To a line's port: the device was serviced, unmask the line. No body, no result.
    interrupt_acknowledge = 0x1400,
};

// The message an interrupt sends (its id; the body is InterruptNotification).
constexpr uint32_t kInterruptNotification = 0x1401;

constexpr uint32_t kReplyBit = 0x80000000u;

struct KernelReply {
    int32_t status; // an Error
    uint32_t reserved;
};

struct TaskTerminateRequest {
    int32_t status; // the exit status the task ends with
    uint32_t reserved;
};

struct TaskCreateRequest {
    char name[32]; // for logs and task_info (need not end with a NUL)
};

enum TaskForkFlags : uint32_t {
    kForkMemory = 1u << 0,
};

struct TaskForkRequest {
    char name[32]; // as TaskCreateRequest's
    uint32_t flags; // TaskForkFlags
    uint32_t reserved;
};

struct ThreadCreateRequest {
    uint64_t rip; // where it starts, in user space
    uint64_t rsp; // its stack pointer
    uint64_t argument; // in rdi
    uint64_t fs_base; // its TLS pointer
};

struct TaskInfo {
    char name[32];
    uint64_t resident_pages;
    uint32_t thread_count;
    uint32_t port_names; // names in the task's name space
};

struct ThreadInfo {
    uint64_t id;
    int32_t priority;
    uint32_t state; // 0 ready, 1 running, 2 waiting, 3 dead
};

struct DeviceIoPortsRequest {
    uint32_t first;
    uint32_t count;
};

// Device memory (MMIO) to map into the caller; RAM is refused (use DMA buffers).
struct DeviceMapRequest {
    uint64_t physical; // page-aligned
    uint64_t size;
    uint32_t cached; // 0: uncached, as device registers want
    uint32_t reserved;
};

struct DeviceMapReply {
    uint64_t address; // where in the caller
};

// Zeroed, physically contiguous memory below 4 GiB for a device to reach.
struct DeviceDmaRequest {
    uint64_t size; // rounded up to a power-of-two number of pages, at most 4 MiB
};

struct DeviceDmaReply {
    uint64_t address; // where in the caller
    uint64_t physical; // what the device is told
};

struct DeviceInterruptRequest {
    uint32_t line; // an ISA IRQ (0-15) if `isa`, else a global system interrupt
    uint32_t isa;
};

struct InterruptNotification {
    uint32_t line; // the global system interrupt
    uint32_t reserved;
    uint64_t count; // interrupts delivered on this claim so far
};

// Kernel object counts: what leak checks compare against a baseline.
enum PowerAction : uint32_t {
    kPowerOff = 1,
    kReboot = 2,
};

struct PowerRequest {
    uint32_t action; // PowerAction
    uint32_t reserved;
};

struct BootModuleRequest {
    char name[32]; // the first word of the module's command line (need not end with a NUL)
};

struct BootModuleReply {
    uint64_t size; // bytes of the module (the object is whole pages)
};

struct HostStatistics {
    uint64_t tasks;
    uint64_t threads;
    uint64_t ports;
    uint64_t port_sets;
    uint64_t payload_records;
    uint64_t messages;
    uint64_t names;
    uint64_t dead_name_requests;
    uint64_t free_frames;
    uint64_t total_frames;
    uint64_t notifications_lost;
    uint64_t uptime_ns;
    uint64_t name_table_bytes; // what the name spaces' tables take
    uint64_t payload_record_bytes; // the payload records' slab pages
};

} // namespace mach
