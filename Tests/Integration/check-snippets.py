"""The snippet table (Tests/Snippets/Snippets.md): each case's OpenAPI fragment, generated with
SPECFORGE, must give exactly the Swift its table shows (ApiClient.swift too when the fragment
declares servers or security schemes); then every case's whole output is
typechecked, each as its own module, in Swift 6 mode with warnings as errors.

A case may also show how its Swift is used: a ```usage``` block must compile inside the case's
module, and a ```rejects``` block must not, with the compiler saying what its `// error: …` line
says (a mistake the generated API turns into a compile error).

Usage: check-snippets.py SPECFORGE [--record]   (from the repository's root)

--record rewrites the Swift blocks with what SPECFORGE writes now (review that diff like code).
A mismatch prints a unified diff per case and exits 1.
"""
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import tempfile

TABLE = "Tests/Snippets/Snippets.md"
specforge = sys.argv[1]
record = "--record" in sys.argv[2:]
text = open(TABLE, encoding="utf-8").read()
sections = re.split(r"(?m)^## ", text)
preamble, sections = sections[0], sections[1:]
block = re.compile(r"```(\w+)\n(.*?)```\n", re.S)


def document(fragment):
    """The fragment completed into a document."""
    if re.search(r"(?m)^swagger:", fragment):
        return fragment + "\n"
    head = [] if re.search(r"(?m)^openapi:", fragment) else ["openapi: 3.0.3"]
    head.append("info: {title: Snippet, version: '1'}")
    if not re.search(r"(?m)^paths:", fragment):
        head.append("paths: {}")
    return "\n".join(head) + "\n" + fragment + "\n"


def declarations(folder, with_client):
    """Every generated file without its header and imports; ApiClient.swift only when the
    fragment declares what it holds (servers, security schemes)."""
    parts = []
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            if not name.endswith(".swift") or (relative == "ApiClient.swift" and not with_client):
                continue
            lines = open(path, encoding="utf-8").read().split("\n")
            while lines and (lines[0].startswith("//") or lines[0].startswith("import ") or not lines[0].strip()):
                lines.pop(0)
            parts.append((relative, "\n".join(lines).rstrip() + "\n"))
    return "".join(f"// {relative}\n{body}\n" for relative, body in sorted(parts)).rstrip() + "\n"


work = tempfile.mkdtemp(prefix="snippets-")
failures, outputs, rewritten = [], [], [preamble]
for index, section in enumerate(sections, 1):
    title = section.split("\n", 1)[0]
    blocks = dict((kind, body) for kind, body in block.findall(section))
    case = os.path.join(work, f"case{index}")
    os.makedirs(case)
    with open(os.path.join(case, "openapi.yaml"), "w") as file:
        file.write(document(blocks["yaml"].rstrip("\n")))
    command = [specforge, "generate", os.path.join(case, "openapi.yaml"), "--output", os.path.join(case, "out"),
               "--module", f"Snippet{index}", "--no-cache"]
    if "config" in blocks:
        with open(os.path.join(case, "specforge.yaml"), "w") as file:
            file.write(blocks["config"])
        command += ["--config", os.path.join(case, "specforge.yaml")]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"## {title}: specforge failed\n{run.stdout}{run.stderr}")
        rewritten.append(section)
        continue
    actual = declarations(os.path.join(case, "out"), re.search(r"(?m)^\s*(servers|securitySchemes):", blocks["yaml"]))
    outputs.append((index, os.path.join(case, "out"), blocks.get("usage"), blocks.get("rejects")))
    expected = blocks.get("swift", "")
    if record:
        section = re.sub(r"```swift\n.*?```\n", lambda _: "```swift\n" + actual + "```\n", section, flags=re.S)
    elif actual != expected:
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "table", "specforge")
        failures.append(f"## {title}\n" + "".join(diff))
    rewritten.append(section)

if record:
    with open(TABLE, "w", encoding="utf-8") as file:
        file.write("## ".join(rewritten))

# Every case's whole output, ApiClient.swift included, typechecked as its own module.
subprocess.run(["swift", "build", "--target", "SpecforgeRuntime"], check=True, capture_output=True)
modules = subprocess.run(["swift", "build", "--show-bin-path"], check=True, capture_output=True,
                         text=True).stdout.strip() + "/Modules"


def compile(index, files):
    return subprocess.run(["swiftc", "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name",
                           f"Snippet{index}", "-I", modules] + files, capture_output=True, text=True)


def with_code(folder, name, code):
    """A file of the case's module holding `code` inside a function (top-level code is main's)."""
    path = os.path.join(folder, "..", name)
    with open(path, "w") as file:
        file.write("import Foundation\nimport SpecforgeRuntime\n\nfunc " + name.split(".")[0] + "() {\n"
                   + "".join("    " + line + "\n" for line in code.rstrip("\n").split("\n")) + "}\n")
    return path


def typecheck(item):
    index, folder, usage, rejects = item
    files = sorted(os.path.join(root, name) for root, _, names in os.walk(folder) for name in names
                   if name.endswith(".swift"))
    run = compile(index, files)
    if run.returncode != 0:
        return f"## case {index} does not compile\n{run.stdout}{run.stderr}"
    if usage:
        run = compile(index, files + [with_code(folder, "usage.swift", usage)])
        if run.returncode != 0:
            return f"## case {index}: its usage block does not compile\n{run.stdout}{run.stderr}"
    if rejects:
        expected = re.search(r"(?m)^// error: (.*)$", rejects)
        run = compile(index, files + [with_code(folder, "rejects.swift", rejects)])
        if run.returncode == 0:
            return f"## case {index}: its rejects block compiles, and must not"
        if expected and expected.group(1).strip() not in run.stdout + run.stderr:
            return f"## case {index}: its rejects block fails otherwise than said\n{run.stdout}{run.stderr}"
    return None


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    failures += [failure for failure in pool.map(typecheck, outputs) if failure]

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"snippets: {len(sections)} cases, each exactly as the table shows, all of them compiled")
