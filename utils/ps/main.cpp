// ps: the processes proc knows, one line each: pid, parent, process
// group, owner, state (R running, Z a zombie) and name.
#include <portico.h>
#include <stdio.h>

#include <interfaces/proc.h>
#include <rpc/client.h>

int main(int, char **)
{
    mach::PortName proc_handle = portico_init_port(PORTICO_PROC);
    printf("%5s %5s %5s %5s %s %s\n", "PID", "PPID", "PGRP", "UID", "S", "NAME");
    uint32_t start = 0;
    while (start != proc::List::kListEnd) {
        static proc::List::Reply page; // 3 KiB
        Error status = rpc::call<proc::List>(proc_handle, { start, 0 }, page);
        if (status != Error::none) {
            fprintf(stderr, "ps: cannot ask proc: %s\n", error_name(status));
            return 1;
        }
        for (uint32_t i = 0; i < page.count; i++) {
            const proc::ProcessInfo &p = page.entries[i];
            char name[proc::kNameSize + 1] = {};
            for (uint32_t c = 0; c < proc::kNameSize && p.name[c]; c++)
                name[c] = p.name[c];
            printf("%5d %5d %5d %5u %c %s\n", p.pid, p.parent, p.group, p.uid,
                p.state == proc::State::zombie ? 'Z' : 'R', name);
        }
        start = page.next;
    }
    return 0;
}
