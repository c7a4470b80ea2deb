#!/usr/bin/env python3
"""Usage: extract-doc-examples.py DOCS_DIR OUTPUT.swift

Collects the Swift example of every operation from the reference pages that
`specforge generate --docs DOCS_DIR` wrote (each is a ```swift block that starts with
`import`) and writes them to OUTPUT.swift, each as the body of its own `async` function,
so that one compile checks them all. The imports are gathered once at the top.

The functions are marked deprecated: an example of a deprecated operation calls it, which
is what its page shows, and a deprecated context may do so without a warning. Prints the
number of examples.
"""
import pathlib
import sys

docs, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
imports, functions = set(), []
for page in sorted(docs.glob("APIs/*.md")):
    lines = page.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        if lines[index] == "```swift" and lines[index + 1].startswith("import "):
            end = lines.index("```", index + 1)
            body = lines[index + 1:end]
            imports.update(line for line in body if line.startswith("import "))
            code = [line for line in body if not line.startswith("import ")]
            name = f"example{len(functions):04d}"
            functions.append(
                f"// {page.name}, line {index + 2}\n"
                '@available(*, deprecated, message: "an example may call a deprecated operation")\n'
                f"func {name}() async {{\n"
                + "\n".join(("    " + line) if line else "" for line in code).rstrip()
                + "\n}\n"
            )
            index = end
        index += 1
if not (docs / "README.md").exists():
    sys.exit(f"extract-doc-examples: no reference pages in {docs}")
imports.add("import Foundation")
output.write_text("\n".join(sorted(imports)) + "\n\n" + "\n".join(functions), encoding="utf-8")
print(len(functions))
