#!/usr/bin/env python3
"""The layers of lib/: every `#include <name/...>` in a file of lib/<library>/,
where name is another library (a folder of lib/), names one that the table
of lib/README.md lets <library> use (its "may use" column); and every folder
of lib/ has a row there. The table is the one source of truth: a row is
| `library/` | what it holds | `used`, `used`, ... |."""
import os
import re
import sys

from tree import includes_of, sources_under

NAME = re.compile(r"`([A-Za-z0-9_]+)/?`")


def layers(readme):
    """Library -> the set of libraries it may use, from the table's rows."""
    table = {}
    with open(readme, encoding="utf-8") as handle:
        for line in handle:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not line.startswith("|") or len(cells) != 3:
                continue
            library = NAME.fullmatch(cells[0])
            if library:
                table[library.group(1)] = set(NAME.findall(cells[2]))
    return table


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    lib = os.path.join(top, "lib")
    table = layers(os.path.join(lib, "README.md"))
    libraries = sorted(name for name in os.listdir(lib) if os.path.isdir(os.path.join(lib, name)))
    problems = ["lib/%s: no row in lib/README.md's table of layers" % name for name in libraries if name not in table]
    for name in libraries:
        for path in sources_under(os.path.join(lib, name)):
            used = {target.split("/")[0] for kind, target in includes_of(path) if kind == "<" and "/" in target}
            for other in sorted(used & set(libraries) - {name} - table.get(name, set())):
                problems.append("%s: includes <%s/...>, which lib/%s may not use (lib/README.md)"
                                % (os.path.relpath(path, top), other, name))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
