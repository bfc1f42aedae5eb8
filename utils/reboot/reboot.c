// reboot: restarts the machine.
#include "power.h"
#include "report.h"

int main(int argc, char **argv)
{
    (void)argc;
    report_set_program(argv[0]);
    return request_power(POWER_REBOOT);
}
