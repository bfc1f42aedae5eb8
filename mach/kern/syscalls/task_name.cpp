// Port name -> task, for the calls that take a task port.
//
// FIXME(integrator): until mach/ipc gives tasks name spaces, the only name a
// task can use is the placeholder self_ports reports for itself; replace both
// functions with a name-space lookup of a task port's send right.
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>

namespace kern {
namespace {

constexpr mach::PortName kPlaceholderTaskSelf = 1;

} // namespace

mach::PortName task_self_name(Task&) { return kPlaceholderTaskSelf; }

Task* task_from_name(Task& caller, mach::PortName name) { return name == task_self_name(caller) ? &caller : nullptr; }

} // namespace kern
