// A pipe: the node of the fifo translator's named pipe and of pflocal's
// anonymous ones. Bytes written by the peropens opened for writing wait in
// a bounded ring buffer for those opened for reading.
//
// - A read takes what is there (a short read); with nothing there it
//   waits (would_block) while a writer is open, and finds the end of the
//   file (0 bytes) once every writer has gone.
// - A write goes in whole (atomic: any single write fits the buffer) or
//   waits for room; with no reader left it fails (broken_pipe).
// - Until the first reader (writer) comes, a write (read) waits, as POSIX's
//   blocking open of a fifo would; when the last peropen of both kinds
//   goes, the pipe is empty and new again.
#pragma once

#include <fs_server/node.h>
#include <heap/heap.h>
#include <interfaces/io.h>

namespace fs {

class Pipe final : public fs::Node {
public:
    static constexpr uint32_t kCapacity = io::kMaxTransfer; // ≥ PIPE_BUF: every write is atomic

    Pipe()
    {
        stat.mode = fs::kFifo | 0666;
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = kCapacity;
    }

    void opened(uint32_t flags) override;
    void closed(uint32_t flags) override;
    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override;
    Error write(uint64_t offset, const uint8_t* data, uint32_t amount) override;
    // Readable with data or at the end; writable with room, or broken.
    uint32_t readiness() const override;

    uint32_t readers() const { return m_readers; }
    uint32_t writers() const { return m_writers; }

private:
    void destroy() override { heap::destroy(this); }

    uint8_t m_buffer[kCapacity];
    uint32_t m_start = 0; // of the bytes held
    uint32_t m_used = 0;
    uint32_t m_readers = 0; // peropens with kRead
    uint32_t m_writers = 0; // peropens with kWrite
    bool m_reader_came = false; // since the pipe was last new
    bool m_writer_came = false;
};

} // namespace fs
