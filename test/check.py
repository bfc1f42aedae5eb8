#!/usr/bin/env python3
"""`make check`: host unit tests, then system tests that boot the images in
QEMU: the test image (build/portico-test.iso) unless a test module says
IMAGE = "users" (build/portico.iso, what users boot). Ends with one line
`N passed, M failed`; exits non-zero on failure."""
import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "system"))

from qemu import test_image, users_image  # noqa: E402
from results import Results  # noqa: E402
import test_bench  # noqa: E402
import test_boot  # noqa: E402
import test_panic  # noqa: E402
import test_ported  # noqa: E402
import test_selftest  # noqa: E402
import test_servers  # noqa: E402
import test_devices  # noqa: E402
import test_fuzz  # noqa: E402
import test_ipc  # noqa: E402
import test_libraries  # noqa: E402
import test_user  # noqa: E402
import test_users_image  # noqa: E402
import test_shell  # noqa: E402
import test_stuck_translator  # noqa: E402
import test_vm  # noqa: E402
import test_identity  # noqa: E402
import test_fair_cpu  # noqa: E402
import test_fs_isolation  # noqa: E402


SYSTEM_TESTS = [test_users_image, test_selftest, test_boot, test_panic, test_bench, test_user, test_ipc, test_libraries, test_servers, test_devices, test_shell, test_ported, test_vm, test_identity, test_fair_cpu, test_fuzz, test_fs_isolation, test_stuck_translator]


def run_tree_checks(top, results):
    """Runs each test/tree/check_*.py on the source tree; each script is one check."""
    folder = os.path.join(top, "test", "tree")
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("check_") and name.endswith(".py")):
            continue
        process = subprocess.run([sys.executable, os.path.join(folder, name), top],
                                 capture_output=True, text=True)
        ok = process.returncode == 0
        results.record("tree: " + name[len("check_"):-len(".py")].replace("_", " "), ok)
        if not ok:
            for line in (process.stdout + process.stderr).splitlines()[:40]:
                print("    " + line)


def run_unit_tests(binary, results):
    """Runs the Catch2 binary; each test case counts once."""
    process = subprocess.run([binary, "--reporter", "xml", "--durations", "no"],
                             capture_output=True, text=True)
    try:
        root = ElementTree.fromstring(process.stdout)
    except ElementTree.ParseError:
        results.record("unit tests ran", False, "no report (exit %d)" % process.returncode)
        print(process.stdout[-4000:], process.stderr[-4000:])
        return
    for case in root.iter("TestCase"):
        overall = case.find("OverallResult")
        ok = overall is not None and overall.get("success") == "true"
        results.record("unit: " + case.get("name"), ok)
        if not ok:
            for expression in case.iter("Expression"):
                if expression.get("success") == "false":
                    print("    %s:%s: %s" % (expression.get("filename"), expression.get("line"),
                                             (expression.findtext("Expanded") or "").strip()))
    if process.returncode != 0 and results.failed == 0:
        results.record("unit tests exit status", False, "exit %d" % process.returncode)
        print(process.stderr[-4000:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--qemu", default="qemu-system-x86_64")
    parser.add_argument("--ovmf-code", default="/usr/share/OVMF/OVMF_CODE.fd")
    parser.add_argument("--ovmf-vars", default="/usr/share/OVMF/OVMF_VARS.fd")
    parser.add_argument("--only", help="run only system test modules whose name contains this")
    parser.add_argument("--no-unit", action="store_true")
    args = parser.parse_args()

    results = Results()
    run_tree_checks(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), results)
    if not args.no_unit:
        run_unit_tests(os.path.join(args.build, "unit_tests"), results)
    with tempfile.TemporaryDirectory(prefix="portico-check-") as workdir:
        images = {name: image(args.build, args.qemu, args.ovmf_code, args.ovmf_vars, workdir)
                  for name, image in (("test", test_image), ("users", users_image))}
        for module in SYSTEM_TESTS:
            if args.only and args.only not in module.__name__:
                continue
            module.run(images[getattr(module, "IMAGE", "test")], results)

    if results.failures:
        print("failed: " + ", ".join(results.failures))
    print("%d passed, %d failed" % (results.passed, results.failed))
    return 0 if results.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
