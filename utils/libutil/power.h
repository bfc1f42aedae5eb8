// Ending the system: poweroff and reboot.
#ifndef LIBUTIL_POWER_H
#define LIBUTIL_POWER_H

enum power_request { POWER_OFF, POWER_REBOOT };

// Flushes the file systems and asks the system to power off or restart.
// Returns only on failure (after reporting): the exit status, 1.
int request_power(enum power_request request);

#endif
