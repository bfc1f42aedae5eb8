// reboot() and its RB_* values are not in POSIX; on the host's glibc they
// need _DEFAULT_SOURCE.
#define _DEFAULT_SOURCE 1
#include "power.h"

#include "report.h"

#include <sys/reboot.h>
#include <unistd.h>

int request_power(enum power_request request)
{
    sync();
    if (reboot(request == POWER_OFF ? RB_POWER_OFF : RB_AUTOBOOT) < 0) {
        report_errno("reboot");
        return 1;
    }
    return 0;
}
