"""Booting the Portico images in QEMU for system tests.

A test boots a real ISO and reads the serial console. On the test image
(build/portico-test.iso) it sets the kernel command line it wants through a
small FAT disk holding portico-test.cfg, which that image's GRUB menu reads
(boot/make_grub_cfg.py); the users' image (build/portico.iso) has no such
hook and boots as a user boots it.
"""
import os
import re
import select
import shutil
import subprocess
import tempfile
import time

# Exit statuses produced by the isa-debug-exit device: (value << 1) | 1.
EXIT_SUCCESS = 1
EXIT_FAILURE = 3


class BootResult:
    def __init__(self, output, status, timed_out, stopped):
        self.output = output        # everything the serial console printed
        self.status = status        # QEMU's exit status (None if we stopped it)
        self.timed_out = timed_out  # the run hit its time limit
        self.stopped = stopped      # we stopped it because stop_when matched

    def lines(self):
        return self.output.splitlines()


class Qemu:
    def __init__(self, qemu, iso, ovmf_code, ovmf_vars, workdir, root_archive, configurable=True):
        self.qemu = qemu
        self.iso = iso
        self.ovmf_code = ovmf_code
        self.ovmf_vars = ovmf_vars
        self.workdir = workdir
        self.root_archive = root_archive  # the image's root file system (cpio)
        self.configurable = configurable  # whether its menu reads portico-test.cfg

    def _config_disk(self, cmdline, startup=""):
        """A 1.44 MB FAT image holding portico-test.cfg for GRUB: the
        kernel's command line, and what startup runs."""
        disk = tempfile.NamedTemporaryFile(dir=self.workdir, suffix=".img", delete=False).name
        cfg = disk + ".cfg"

        def quoted(text):
            return text.replace("\\", "\\\\").replace('"', '\\"')
        with open(cfg, "w") as f:
            f.write('set timeout=0\nset portico_cmdline="%s"\nset portico_startup="%s"\n'
                    % (quoted(cmdline), quoted(startup)))
        os.unlink(disk)
        subprocess.run(["mformat", "-C", "-i", disk, "-f", "1440", "::"], check=True)
        subprocess.run(["mcopy", "-i", disk, cfg, "::/portico-test.cfg"], check=True)
        os.unlink(cfg)
        return disk

    def _firmware_variables(self, disk):
        """Where a UEFI boot keeps its copy of the firmware's variables."""
        return (disk or os.path.join(self.workdir, "users")) + ".vars"

    def command(self, firmware, disk, extra=()):
        """QEMU's command line; `disk` is the configuration disk's path, None for none."""
        cmd = [self.qemu, "-machine", "q35", "-cpu", "max", "-m", "256M", "-no-reboot",
               "-display", "none", "-monitor", "none", "-serial", "stdio",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
               "-boot", "order=d", "-cdrom", self.iso]
        if disk:
            cmd += ["-drive", "file=%s,format=raw,if=ide,index=1" % disk]
        if firmware == "uefi":
            variables = self._firmware_variables(disk)
            shutil.copyfile(self.ovmf_vars, variables)
            cmd += ["-drive", "if=pflash,format=raw,readonly=on,file=" + self.ovmf_code,
                    "-drive", "if=pflash,format=raw,file=" + variables]
        return cmd + list(extra)

    def boot(self, cmdline, firmware="bios", timeout=60, stop_when=None, extra=(), startup="", dialogue=()):
        """Boots with `cmdline` (and `startup`: the program startup runs);
        returns when QEMU exits, when the output matches the regular
        expression `stop_when`, or after `timeout` s. `dialogue` types on
        the console as a user would: (expect, keys) pairs, each `keys`
        sent once the output since the previous keys matches `expect`.
        The users' image boots only as it is (empty cmdline and startup)."""
        if not self.configurable and (cmdline or startup):
            raise ValueError("%s has no test hook: boot it with no command line" % self.iso)
        disk = self._config_disk(cmdline, startup) if self.configurable else None
        process = subprocess.Popen(self.command(firmware, disk, extra),
                                   stdin=subprocess.PIPE if dialogue else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        # An expect that is a number waits that many seconds after the previous keys.
        steps = [(expect if isinstance(expect, float) else re.compile(expect.encode()), keys.encode())
                 for expect, keys in dialogue]
        answered = 0  # where the output the next step looks at starts
        sent_at = time.monotonic()
        # The output as BootResult shows it, without carriage returns: the
        # expectations and stop_when look at it too (the shell's line editor
        # starts its prompt with one, the console ends lines with them).
        seen = b""

        def due(expect):
            if isinstance(expect, float):
                return time.monotonic() - sent_at >= expect
            return expect.search(seen, answered)

        def send_next():
            nonlocal answered, sent_at
            answered = len(seen)
            sent_at = time.monotonic()
            process.stdin.write(steps.pop(0)[1])
            process.stdin.flush()
        deadline = time.monotonic() + timeout
        timed_out = stopped = False
        pattern = re.compile(stop_when.encode()) if stop_when else None
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([process.stdout], [], [], min(remaining, 0.5))
                if ready:
                    chunk = os.read(process.stdout.fileno(), 65536)
                    if not chunk:
                        break
                    seen += chunk.replace(b"\r", b"")
                    while steps and due(steps[0][0]):
                        send_next()
                    if pattern and pattern.search(seen):
                        stopped = True
                        break
                elif process.poll() is not None:
                    break
                elif steps and isinstance(steps[0][0], float) and due(steps[0][0]):
                    send_next()
        finally:
            if process.poll() is None:
                process.kill()
            status = process.wait()
            for leftover in (disk, self._firmware_variables(disk)):
                if leftover and os.path.exists(leftover):
                    os.unlink(leftover)
        text = seen.decode("utf-8", "replace")
        return BootResult(text, None if (timed_out or stopped) else status, timed_out, stopped)


def test_image(build, qemu, ovmf_code, ovmf_vars, workdir):
    """The test image of the build folder `build` (make test-iso)."""
    return Qemu(qemu, os.path.join(build, "portico-test.iso"), ovmf_code, ovmf_vars, workdir,
                os.path.join(build, "test", "root.cpio"))


def users_image(build, qemu, ovmf_code, ovmf_vars, workdir):
    """The image users boot (make iso), which has no test hook."""
    return Qemu(qemu, os.path.join(build, "portico.iso"), ovmf_code, ovmf_vars, workdir,
                os.path.join(build, "root.cpio"), configurable=False)
