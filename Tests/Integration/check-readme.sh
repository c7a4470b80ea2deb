#!/usr/bin/env bash
# Usage: check-readme.sh
#
# The README's package layouts and plugin command lines, exactly as a newcomer copies them.
# Each block the README marks with `<!-- checked: Tests/Integration/check-readme.sh … -->` is
#   - "finds these lines in FILE": every line is in FILE, and each `.target(…)` block is there
#     line for line (indentation aside);
#   - "finds these files in DIR": the tree's files exist under DIR;
#   - "runs these lines in DIR": each line runs there, as written, and succeeds.
# Run after Examples/TaskBoard is built (make example), which these blocks describe.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 - <<'PY'
import os, re, subprocess, sys

text = open("README.md", encoding="utf-8").read()
marker = re.compile(r"<!-- checked: Tests/Integration/check-readme\.sh (finds these lines in|finds these files in|runs these lines in) (\S+) -->\n```\w*\n(.*?)\n```", re.S)
blocks = marker.findall(text)
if not blocks:
    sys.exit("check-readme: no checked blocks in README.md")
failures = []
for kind, place, body in blocks:
    lines = body.split("\n")
    if kind == "finds these lines in":
        content = open(place, encoding="utf-8").read()
        stripped = [line.strip() for line in content.split("\n")]
        for line in lines:
            if line.strip() and line.strip() not in content:
                failures.append(f"{place} lacks the README's line: {line.strip()}")
        # Each `.target(` … `)` block, line for line.
        for start, line in enumerate(lines):
            if line.strip() != ".target(":
                continue
            depth, end = 0, start
            for end in range(start, len(lines)):
                depth += lines[end].count("(") - lines[end].count(")")
                if depth == 0:
                    break
            wanted = [l.strip() for l in lines[start:end + 1]]
            wanted[-1] = wanted[-1].rstrip(",")
            found = any(
                [s.rstrip(",") if i == len(wanted) - 1 else s for i, s in enumerate(stripped[k:k + len(wanted)])] == wanted
                for k in range(len(stripped))
            )
            if not found:
                failures.append(f"{place} lacks the README's target:\n  " + "\n  ".join(wanted))
    elif kind == "finds these files in":
        root = lines[0].strip().rstrip("/")
        for line in lines[1:]:
            name = re.sub(r"^[│├└─\s]+", "", line).split("#")[0].strip()
            if name and not os.path.exists(os.path.join(place, root, name)):
                failures.append(f"{os.path.join(place, root, name)} is in the README's layout but does not exist")
    else:
        for line in lines:
            if not line.strip():
                continue
            result = subprocess.run(["bash", "-c", line], cwd=place, capture_output=True, text=True)
            if result.returncode != 0:
                failures.append(f"`{line}` in {place} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
            else:
                print(f"ran in {place}: {line}")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"readme: {len(blocks)} checked blocks (layouts, Package.swift lines, plugin commands) hold")
PY
