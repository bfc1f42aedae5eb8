// A terminal's line discipline: what happens to the bytes typed before a
// program reads them and to the bytes a program writes before they reach
// the screen, as POSIX's termios describes.
//
// In canonical mode (ICANON) input is edited a line at a time: erase
// (VERASE, ^H too) and kill (VKILL) and word erase (VWERASE) work on the
// line not yet finished; a newline or VEOF finishes it; VEOF on an empty
// line is the end of the file. In non-canonical mode bytes are readable as
// they come (VMIN bytes make a read ready). With ISIG, VINTR, VQUIT and
// VSUSP send their signal to the foreground group and drop pending input
// (unless NOFLSH). Echo follows ECHO, ECHOE, ECHOK, ECHONL and ECHOCTL;
// output follows OPOST/ONLCR.
//
// Pure logic: the device (a UART) and proc are behind Sink. Bounded: at
// most kCapacity bytes wait; beyond that typed bytes are dropped (a bell
// is echoed). Host-tested (test/unit/test_term.cpp).
#pragma once

#include <interfaces/term.h>
#include <stddef.h>
#include <stdint.h>

namespace term {

class Sink {
public:
    // Bytes for the screen (echo and processed output).
    virtual void emit(const uint8_t* bytes, size_t count) = 0;
    // A signal the keyboard sent, for the foreground group.
    virtual void signal(int32_t number) = 0;

protected:
    ~Sink() = default;
};

class LineDiscipline {
public:
    static constexpr uint32_t kCapacity = 4096;

    LineDiscipline();

    const Attributes& attributes() const { return m_attributes; }
    void set_attributes(const Attributes& attributes);

    // A byte typed.
    void input(uint8_t byte, Sink& sink);
    // Whether a read would not wait.
    bool readable() const;
    // Takes what a read gets (at most `size` bytes): in canonical mode at
    // most one line. 0 bytes with readable() true is the end of the file.
    size_t read(uint8_t* out, size_t size);
    // What a program writes, processed for the screen.
    void write(const uint8_t* bytes, size_t count, Sink& sink) const;
    // Drops input not yet read (tcflush, and after a signal).
    void flush_input();

private:
    static constexpr uint16_t kEndOfFile = 0x100; // a VEOF on an empty line, in the queue

    bool canonical() const;
    bool has(uint32_t local_flag) const { return (m_attributes.local_modes & local_flag) != 0; }
    uint8_t control(uint32_t slot) const { return m_attributes.control_characters[slot]; }
    bool is_control(uint8_t byte, uint32_t slot) const;
    bool signalled(uint8_t byte, Sink& sink);
    bool edited(uint8_t byte, Sink& sink);
    void erase_one(Sink& sink);
    void erase_line(Sink& sink);
    void erase_word(Sink& sink);
    void finish_line();
    void echo(uint8_t byte, Sink& sink) const;
    void push(uint16_t value) { m_queue[(m_start + m_used++) % kCapacity] = value; }
    uint16_t at(uint32_t index) const { return m_queue[(m_start + index) % kCapacity]; }

    Attributes m_attributes {};
    // Bytes readers may take (m_ready of them, in lines in canonical mode),
    // then the line being edited.
    uint16_t m_queue[kCapacity] = {};
    uint32_t m_start = 0;
    uint32_t m_used = 0; // ready and edited together
    uint32_t m_ready = 0;
    uint32_t m_lines = 0; // finished lines among the ready bytes (canonical mode)
};

} // namespace term
