"""Commands typed into Portico's interactive shell on the serial console,
as a user would: startup runs /bin/sh on the console when the test
configuration names no program; each command is typed once the shell's
prompt ("# ": the shell runs as root) shows after the previous one."""

# The prompt as the console shows it (carriage returns dropped): "# " at
# the start of a line and the last thing printed, or followed at once by a
# kernel log line that came after it ("[    4.004207] timer: ...").
PROMPT = r"\n# (?=$|\[ *\d+\.\d+\] )"


def typed_at_prompts(commands):
    """A qemu.boot dialogue: each command typed once the prompt is back."""
    return [(PROMPT, command + "\n") for command in commands]


def run_shell_commands(qemu, commands, stop_when, timeout=120, firmware="bios"):
    """Boots to the shell, types `commands` one after another (each after a
    prompt) and returns the boot's result once the output matches the
    regular expression `stop_when` (or after `timeout` s)."""
    return qemu.boot("start=startup", firmware=firmware, timeout=timeout, stop_when=stop_when,
                     dialogue=typed_at_prompts(commands))
