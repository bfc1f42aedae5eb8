"""Commands typed into Portico's interactive shell on the serial console,
as a user would: startup runs /bin/sh on the console when the test
configuration names no program; each command is typed once the shell's
prompt ("# ": the shell runs as root) shows after the previous one."""
import re

PROMPT = r"# $"


def run_shell_commands(qemu, commands, stop_when, timeout=120, firmware="bios"):
    """Boots to the shell, types `commands` one after another (each after a
    prompt) and returns the boot's result once the output matches the
    regular expression `stop_when` (or after `timeout` s)."""
    dialogue = [(r"(?m)" + PROMPT, command + "\n") for command in commands]
    return qemu.boot("start=startup", firmware=firmware, timeout=timeout, stop_when=stop_when,
                     dialogue=dialogue)


def shell_output_of(output, command):
    """What followed the typed `command` on the console, up to the next prompt."""
    match = re.search(re.escape(command) + r"\n(.*?)(?m:" + PROMPT + r")", output, re.S)
    return match.group(1) if match else ""
