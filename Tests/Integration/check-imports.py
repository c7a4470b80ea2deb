"""The module graph, as `Package.swift` declares it and as the sources use it.

Usage: check-imports.py   (from the repository root; runs `swift package dump-package`)

Fails when a target's source imports a module of this package that the target does not
declare as a direct dependency (a dependency that happens to be built anyway is not one), or
when a stage of the generator imports a later stage: data flows Diagnostics → Parser → Model
→ Renderer → PostProcessor → Generator → the `specforge` command, and Diff reads the Model
only. `import` lines inside string literals (the embedded templates) are not imports.
"""
import json
import os
import re
import subprocess
import sys

STAGES = ["SpecforgeSupport", "SpecforgeDiagnostics", "SpecforgeParser", "SpecforgeModel", "SpecforgeRenderer",
          "SpecforgePostProcessor", "SpecforgeGenerator", "specforge"]
# Modules a stage may not import even though they come earlier: Diff reads the model only.
FORBIDDEN = {"SpecforgeDiff": {"SpecforgeParser", "SpecforgeRenderer", "SpecforgePostProcessor",
                               "SpecforgeGenerator"}}

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True,
                                    text=True).stdout)
targets = {target["name"]: target for target in package["targets"]}


def dependencies(target):
    names = set()
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def imports(folder):
    """Module names imported at the top level of the Swift files under `folder`."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            in_string = False
            for number, line in enumerate(open(path, encoding="utf-8"), 1):
                if line.count('"""') % 2 == 1:
                    in_string = not in_string
                    continue
                match = None if in_string else re.match(r"\s*(?:@\w+\s+)*import\s+(\w+)", line)
                if match:
                    found.setdefault(match.group(1), f"{path}:{number}")
    return found


failures = []
for name, target in sorted(targets.items()):
    if target["type"] == "plugin":
        continue
    folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
    declared = dependencies(target)
    for module, where in sorted(imports(folder).items()):
        if module not in targets or module == name:
            continue
        if module not in declared:
            failures.append(f"{where}: {name} imports {module}, which Package.swift does not list among its dependencies")
        if name in STAGES and module in STAGES and STAGES.index(module) > STAGES.index(name):
            failures.append(f"{where}: {name} imports {module}, a later stage")
        if module in FORBIDDEN.get(name, set()):
            failures.append(f"{where}: {name} imports {module}; it reads the model only")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"imports: {len(targets)} targets, every import declared, stages import earlier stages only")
