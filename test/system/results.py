"""Counting test results across unit and system tests."""


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def record(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("PASS %s" % name, flush=True)
        else:
            self.failed += 1
            self.failures.append(name)
            print("FAIL %s%s" % (name, (": " + detail) if detail else ""), flush=True)
        return ok

    def show_output_on_failure(self, ok, output, last_lines=40):
        """Prints the tail of a console log after a failed check."""
        if not ok:
            lines = output.splitlines()[-last_lines:]
            print("---- console (last %d lines) ----" % len(lines))
            for line in lines:
                print("    " + line)
            print("----")
