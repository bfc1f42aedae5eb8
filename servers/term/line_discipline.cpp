#include "line_discipline.h"

#include "termios_bits.h"

namespace term {

using namespace bits;

namespace {

constexpr uint8_t kBell = 0x07;
constexpr uint8_t kBackspace = 0x08;
constexpr uint8_t kDisabled = 0; // _POSIX_VDISABLE: a slot holding it matches nothing

// Linux's cooked defaults (stty sane).
Attributes default_attributes()
{
    Attributes a {};
    a.input_modes = kIcrnl;
    a.output_modes = kOpost | kOnlcr;
    a.control_modes = kCs8 | kCread | kB115200;
    a.local_modes = kIsig | kIcanon | kEcho | kEchoe | kEchok | kEchoctl | kIexten;
    a.control_characters[kVintr] = 0x03; // ^C
    a.control_characters[kVquit] = 0x1c; // ^\ .
    a.control_characters[kVerase] = 0x7f; // DEL
    a.control_characters[kVkill] = 0x15; // ^U
    a.control_characters[kVeof] = 0x04; // ^D
    a.control_characters[kVtime] = 0;
    a.control_characters[kVmin] = 1;
    a.control_characters[kVsusp] = 0x1a; // ^Z
    a.control_characters[kVwerase] = 0x17; // ^W
    a.input_speed = a.output_speed = kB115200;
    return a;
}

bool is_space(uint16_t value) { return value == ' ' || value == '\t'; }

} // namespace

LineDiscipline::LineDiscipline()
    : m_attributes(default_attributes())
{
}

bool LineDiscipline::canonical() const { return has(kIcanon); }

bool LineDiscipline::is_control(uint8_t byte, uint32_t slot) const
{
    return control(slot) != kDisabled && byte == control(slot);
}

void LineDiscipline::set_attributes(const Attributes& attributes)
{
    bool was_canonical = canonical();
    m_attributes = attributes;
    if (was_canonical && !canonical()) {
        m_ready = m_used; // the line being edited becomes input as it is
        m_lines = 0;
    } else if (!was_canonical && canonical()) {
        m_lines = m_ready > 0 ? 1 : 0; // what was typed raw reads as one line
    }
}

void LineDiscipline::input(uint8_t byte, Sink& sink)
{
    if (byte == '\r') {
        if (m_attributes.input_modes & kIgncr)
            return;
        if (m_attributes.input_modes & kIcrnl)
            byte = '\n';
    } else if (byte == '\n' && (m_attributes.input_modes & kInlcr)) {
        byte = '\r';
    }
    if (has(kIsig) && signalled(byte, sink))
        return;
    if (canonical() && edited(byte, sink))
        return;
    // Canonical mode keeps a slot for the newline that ends a full line.
    uint32_t room = canonical() && byte != '\n' ? kCapacity - 1 : kCapacity;
    if (m_used >= room) {
        uint8_t bell = kBell;
        sink.emit(&bell, 1);
        return;
    }
    push(byte);
    echo(byte, sink);
    if (byte == '\n' || (canonical() && is_control(byte, kVeol)))
        finish_line();
    else if (!canonical())
        m_ready = m_used;
}

bool LineDiscipline::signalled(uint8_t byte, Sink& sink)
{
    int32_t number = is_control(byte, kVintr) ? kSigint
        : is_control(byte, kVquit)            ? kSigquit
        : is_control(byte, kVsusp)            ? kSigtstp
                                              : 0;
    if (number == 0)
        return false;
    if (!has(kNoflsh))
        flush_input();
    echo(byte, sink);
    sink.signal(number);
    return true;
}

bool LineDiscipline::edited(uint8_t byte, Sink& sink)
{
    if (is_control(byte, kVerase) || byte == kBackspace) {
        erase_one(sink);
        return true;
    }
    if (is_control(byte, kVkill)) {
        erase_line(sink);
        return true;
    }
    if (has(kIexten) && is_control(byte, kVwerase)) {
        erase_word(sink);
        return true;
    }
    if (is_control(byte, kVeof)) {
        // The line so far goes to readers without a newline; on an empty
        // line the marker alone reads as the end of the file.
        if (m_used < kCapacity)
            push(kEndOfFile);
        finish_line();
        return true;
    }
    return false;
}

void LineDiscipline::erase_one(Sink& sink)
{
    if (m_used == m_ready)
        return;
    uint16_t erased = at(m_used - 1);
    m_used--;
    if (!has(kEcho) || !has(kEchoe))
        return;
    static const uint8_t kRubOut[] = { '\b', ' ', '\b' };
    sink.emit(kRubOut, sizeof(kRubOut));
    if (has(kEchoctl) && erased < 32 && erased != '\t')
        sink.emit(kRubOut, sizeof(kRubOut)); // "^X" took two columns
}

void LineDiscipline::erase_line(Sink& sink)
{
    bool visibly = has(kEcho) && has(kEchoe);
    while (m_used > m_ready)
        visibly ? erase_one(sink) : (void)m_used--;
    if (has(kEcho) && has(kEchok) && !visibly) {
        uint8_t newline = '\n';
        write(&newline, 1, sink);
    }
}

void LineDiscipline::erase_word(Sink& sink)
{
    while (m_used > m_ready && is_space(at(m_used - 1)))
        erase_one(sink);
    while (m_used > m_ready && !is_space(at(m_used - 1)))
        erase_one(sink);
}

void LineDiscipline::finish_line()
{
    m_ready = m_used;
    m_lines++;
}

void LineDiscipline::echo(uint8_t byte, Sink& sink) const
{
    if (!has(kEcho)) {
        if (byte == '\n' && has(kEchonl) && canonical())
            write(&byte, 1, sink);
        return;
    }
    if (has(kEchoctl) && byte < 32 && byte != '\n' && byte != '\t' && byte != '\r') {
        uint8_t shown[2] = { '^', uint8_t(byte + '@') };
        sink.emit(shown, 2);
        return;
    }
    write(&byte, 1, sink);
}

bool LineDiscipline::readable() const
{
    if (canonical())
        return m_lines > 0;
    uint8_t minimum = control(kVmin);
    return minimum == 0 || m_ready >= minimum || m_ready == kCapacity;
}

size_t LineDiscipline::read(uint8_t* out, size_t size)
{
    size_t count = 0;
    while (count < size && m_ready > 0) {
        uint16_t value = at(0);
        if (canonical() && value == kEndOfFile) {
            m_start = (m_start + 1) % kCapacity;
            m_used--;
            m_ready--;
            m_lines--;
            return count; // the end of a line ^D finished (0 bytes: the end of the file)
        }
        out[count++] = uint8_t(value);
        m_start = (m_start + 1) % kCapacity;
        m_used--;
        m_ready--;
        if (canonical() && value == '\n') {
            m_lines--;
            return count;
        }
    }
    return count;
}

void LineDiscipline::write(const uint8_t* bytes, size_t count, Sink& sink) const
{
    bool add_carriage_return = (m_attributes.output_modes & kOpost) && (m_attributes.output_modes & kOnlcr);
    size_t start = 0;
    for (size_t i = 0; i < count; i++) {
        if (bytes[i] != '\n' || !add_carriage_return)
            continue;
        sink.emit(bytes + start, i - start);
        static const uint8_t kNewline[] = { '\r', '\n' };
        sink.emit(kNewline, sizeof(kNewline));
        start = i + 1;
    }
    sink.emit(bytes + start, count - start);
}

void LineDiscipline::flush_input() { m_start = m_used = m_ready = m_lines = 0; }

} // namespace term
