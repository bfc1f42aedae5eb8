#include <ipc/observer.h>

namespace ipc {
namespace {

Observer* g_observer = nullptr;

} // namespace

void set_observer(Observer* observer) { g_observer = observer; }
Observer* observer() { return g_observer; }

} // namespace ipc
