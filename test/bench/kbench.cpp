#include <bench/kbench.h>
#include <debug/log.h>
#include <freestanding/string.h>

extern "C" const kern::KBenchCase __kbenches_start[];
extern "C" const kern::KBenchCase __kbenches_end[];

namespace kern {

int run_kbenches(const char* selector)
{
    bool all = strcmp(selector, "all") == 0;
    int ran = 0;
    for (const KBenchCase* bench = __kbenches_start; bench != __kbenches_end; ++bench) {
        if (!all && strcmp(selector, bench->name) != 0)
            continue;
        bench->run();
        ++ran;
    }
    if (ran == 0)
        log("bench", "no bench named %s", selector);
    log("bench", "done (%d run)", ran);
    return ran;
}

void bench_report(const char* name, uint64_t value, const char* unit) { log("bench", "%s %lu %s", name, value, unit); }

} // namespace kern
