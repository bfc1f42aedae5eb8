"""The in-guest message fuzzer (test/programs/portfuzz.cpp): run by startup
from the root file system, it drops to uid 1000 and sends malformed and
random messages to every port a user can reach, then checks that the
servers still answer. The kernel must not panic and no server may end.
`make check` sends COUNT messages; `make fuzz-guest` (FUZZ_GUEST_COUNT,
10^6 by default) runs the same test with more."""
import os
import re

from programs import program_checks, startup_ended
from test_user import record_all

COUNT = int(os.environ.get("PORTICO_FUZZ_GUEST_COUNT", "200000"))
SEED = int(os.environ.get("PORTICO_FUZZ_GUEST_SEED", "13"))
# The servers and translators of the test image: none of them may end.
SERVERS = ["auth", "proc", "exec", "term", "tmpfs", "pflocal", "null", "zero", "startup"]
# portfuzz's checks: the identity, every message sent, and six servers answering.
EXPECTED_CHECKS = 8


def run(qemu, results):
    # QEMU's software emulation runs a few thousand messages a second.
    timeout = 120 + COUNT // 500
    program = "/test/portfuzz"
    boot = qemu.boot("start=startup", startup="%s %d %d" % (program, COUNT, SEED), timeout=timeout,
                     stop_when=startup_ended(program))
    out = boot.output
    checks = program_checks(out, "portfuzz", EXPECTED_CHECKS)
    deaths = [name for name in SERVERS if re.search(r"task: %s ended" % re.escape(name), out)]
    checks += [
        ("portfuzz ended cleanly", re.search(r"task: portfuzz ended with status 0", out)),
        ("no server ended (%s)" % (", ".join(deaths) or "none"), not deaths),
        ("no panic", "KERNEL PANIC" not in out and "panic:" not in out),
    ]
    record_all(results, "fuzz: %d random messages from uid 1000" % COUNT, checks, out)
