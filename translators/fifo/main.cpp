// fifo: a named pipe (pipe.h), for processes that share no parent.
//   settrans -ac /tmp/f /hurd/fifo
// lib/fs_server parks the reads and writes the pipe answers would_block to.
#include <fs_server/translator.h>

#include <fs_server/pipe.h>

int main(int, char**, char**)
{
    Result<fs::Pipe*> node = heap::create<fs::Pipe>();
    return node.ok() ? fs::run_translator(*node.value(), "") : 2;
}
