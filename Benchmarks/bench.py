#!/usr/bin/env python3
"""`make bench`: specforge side by side with the peers, in release builds, as medians and ratios.

Peers, set up once in a scratch folder outside the repository (BENCH_WORK, default
/tmp/specforge-bench), never committed:
  - apple/swift-openapi-generator 1.14.3, cloned from its GitHub address and built in release;
  - openapi-generator-cli 7.26.0 from PyPI (`-g swift6`), in a virtualenv.

Measured:
  1. generation of CVAT 2.72, Stripe 2021, Twilio 2010 and DigitalOcean into an empty folder,
     the generators interleaved round by round: median wall time and peak RSS;
  2. specforge regenerating CVAT when nothing changed (replayed from its manifest, and with
     --no-cache, every stage run and every file compared);
  3. specforge on 1x, 2x and 4x concatenations of the CVAT schema (cost per operation);
  4. debug and release builds of the generated CVAT and Stripe modules with `swift build`,
     the runtime already built: wall time and peak RSS of the largest compiler process;
  5. the generated CVAT models at run time (Benchmarks/ModelCoding, release): decoding,
     encoding, comparing and hashing 2,000 tasks, against twins with synthesized conformances;
  6. the output layouts of the build-tool plugin: debug builds of the CVAT client as a file per
     declaration and as 4, 8 and 16 shards, clean and after a one-property change, and a no-op
     `swift build` of Examples/TaskBoard's plugin target against its committed-client target;
  7. `specforge diff` on CVAT version pairs (both documents read, translated and compared, the
     report printed): median wall time and peak RSS;
  8. what `--docs` (the Markdown reference pages) adds to generation, measured with part 1;
  9. incremental debug builds of the plugin's layout after one schema, one operation or one
     enum value changes, for CVAT and Stripe: files rewritten, files recompiled, time
     (Benchmarks/incremental.py);
 10. creating the files of Stripe's client on a fresh and on a loaded file system: specforge in
     both layouts, and a plain loop serially and in parallel, in 3 and in 64 folders
     (Benchmarks/file_creation.py);
 11. the production runtime: client-side validation against encoding, per call; peak memory
     uploading 200 MB through the fake CVAT server, before and after streamed uploads; both
     transports' loopback throughput (Benchmarks/production.py);
 12. CVATKit against cvat-sdk: a 200 MB task upload through TUS and a 200 MB dataset export,
     memory and time (Benchmarks/cvatkit.py).

Environment: BENCH_ROUNDS (default 5), BENCH_SKIP_BUILDS=1 skips parts 4, 6 and 9, BENCH_ONLY=diff
runs part 7 alone, BENCH_ONLY=generate parts 1 and 8 for specforge alone, BENCH_ONLY=incremental
part 9 alone, BENCH_ONLY=files part 10 alone, BENCH_ONLY=production part 11 alone, BENCH_ONLY=cvatkit part 12 alone (BENCH_LOAD_TREES trees load the file system,
default 30), SHARED (../shared).
"""
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

from file_creation import file_creation, report_file_creation
from incremental import incremental, report_incremental
from cvatkit import cvatkit, report_cvatkit
from production import production, report_production

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.abspath(os.environ.get("SHARED", os.path.join(REPO, "..", "shared")))
WORK = os.path.abspath(os.environ.get("BENCH_WORK", "/tmp/specforge-bench"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SPECFORGE = os.path.join(REPO, ".build", "release", "specforge")
PEER_TAG = "1.14.3"
OPENAPI_GENERATOR_VERSION = "7.26.0"

SCHEMAS = [
    ("CVAT 2.72", "schemas/cvat/cvat-2.72.0.json"),
    ("Stripe 2021", "schemas/real/stripe-2021.yaml"),
    ("Twilio 2010", "schemas/real/twilio_api_v2010.yaml"),
    ("DigitalOcean", "schemas/real/digitalocean/specification/DigitalOcean-public.v2.yaml"),
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def measure(command, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MB of it or its largest descendant, ok)."""
    start = time.perf_counter()
    with open(os.path.join(WORK, "last-run.log"), "wb") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status) == 0


_outputs = []


def fresh(prefix):
    """A new, never used output folder for one run. Reusing a folder whose thousands of files
    were just deleted made creating files there 30 times slower on this machine's file system,
    whichever tool wrote them; all outputs are removed at the end, off the clock."""
    folder = f"{prefix}-{len(_outputs)}"
    _outputs.append(folder)
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def remove_outputs():
    for folder in _outputs:
        shutil.rmtree(folder, ignore_errors=True)


def run(command, cwd=None):
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


# Set-up ------------------------------------------------------------------------------------------


def swift_openapi_generator():
    folder = os.path.join(WORK, "swift-openapi-generator")
    binary = os.path.join(folder, ".build", "release", "swift-openapi-generator")
    if not os.path.exists(binary):
        if not os.path.exists(folder):
            log(f"cloning apple/swift-openapi-generator {PEER_TAG} into {folder}")
            run(["git", "clone", "--quiet", "--depth", "1", "--branch", PEER_TAG,
                 "https://github.com/apple/swift-openapi-generator", folder])
        log("building swift-openapi-generator (release; a few minutes, once)")
        run(["swift", "build", "-c", "release", "--product", "swift-openapi-generator"], cwd=folder)
    return binary


def openapi_generator():
    venv = os.path.join(WORK, "venv")
    binary = os.path.join(venv, "bin", "openapi-generator-cli")
    if not os.path.exists(binary):
        log(f"installing openapi-generator-cli {OPENAPI_GENERATOR_VERSION} into {venv}")
        run([sys.executable, "-m", "venv", venv])
        run([os.path.join(venv, "bin", "pip"), "install", "--quiet",
             f"openapi-generator-cli=={OPENAPI_GENERATOR_VERSION}"])
    return binary


def specforge_generator(*extra):
    return ("specforge", lambda schema, out: [SPECFORGE, "generate", schema, "--module", "Client",
                                              "--output", out, "--no-cache", *extra])


def specforge_with_docs():
    return ("specforge --docs", lambda schema, out: [SPECFORGE, "generate", schema, "--module", "Client",
                                                     "--output", out, "--no-cache",
                                                     "--docs", os.path.join(out, "Docs")])


def generators():
    sog = swift_openapi_generator()
    oag = openapi_generator()
    return [
        specforge_generator(),
        ("swift-openapi-generator", lambda schema, out: [sog, "generate", schema, "--mode", "types",
                                                         "--mode", "client", "--access-modifier", "public",
                                                         "--output-directory", out]),
        ("openapi-generator swift6", lambda schema, out: [oag, "generate", "-g", "swift6", "-i", schema,
                                                          "-o", out, "--skip-validate-spec"]),
    ]


# 1. Generation -----------------------------------------------------------------------------------


def generation(tools):
    out = os.path.join(WORK, "out")
    rows = []
    for label, relative in SCHEMAS:
        schema = os.path.join(SHARED, relative)
        samples = {name: [] for name, _ in tools}
        failed = set()
        for round_index in range(ROUNDS):
            # Interleaved, starting with a different tool each round.
            order = tools[round_index % len(tools):] + tools[:round_index % len(tools)]
            for name, command in order:
                if name in failed:
                    continue
                seconds, rss, ok = measure(command(schema, fresh(out)))
                if ok:
                    samples[name].append((seconds, rss))
                else:
                    failed.add(name)
        log(f"generated {label}")
        rows.append((label, {name: median(values) for name, values in samples.items() if name not in failed}))
    return rows


def median(samples):
    return statistics.median(s for s, _ in samples), statistics.median(r for _, r in samples)


# 2. No-op regeneration ---------------------------------------------------------------------------


def no_op():
    schema = os.path.join(SHARED, "schemas/cvat/cvat-2.72.0.json")
    out = os.path.join(WORK, "noop")
    shutil.rmtree(out, ignore_errors=True)
    command = [SPECFORGE, "generate", schema, "--config", os.path.join(REPO, "Schemas/cvat.yaml"), "--output", out]
    run(command)
    cached = [measure(command) for _ in range(ROUNDS * 2)]
    uncached = [measure(command + ["--no-cache"]) for _ in range(ROUNDS)]
    return median([(s, r) for s, r, _ in cached]), median([(s, r) for s, r, _ in uncached])


# 3. Linear growth --------------------------------------------------------------------------------


def concatenated(document, copies):
    """The document and `copies - 1` renamed copies of its paths, operations, tags and components."""
    result = copy.deepcopy(document)
    for number in range(2, copies + 1):
        suffix = f"Copy{number}"
        components = document.get("components", {})
        renamed = {f"#/components/{kind}/{name}": f"#/components/{kind}/{name}{suffix}"
                   for kind, entries in components.items() for name in entries}

        def rewrite(node):
            if isinstance(node, dict):
                return {key: (renamed.get(value, value) if key == "$ref" and isinstance(value, str)
                              else rewrite(value)) for key, value in node.items()}
            if isinstance(node, list):
                return [rewrite(item) for item in node]
            return node

        for kind, entries in components.items():
            for name, value in entries.items():
                result["components"][kind][name + suffix] = rewrite(value)
        for path, item in document["paths"].items():
            item = rewrite(item)
            for operation in item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    operation["operationId"] += f"_copy{number}"
                    operation["tags"] = [tag + suffix for tag in operation.get("tags", [])]
            result["paths"][f"/copy{number}{path}"] = item
    return result


def growth():
    with open(os.path.join(SHARED, "schemas/cvat/cvat-2.72.0.json")) as handle:
        document = json.load(handle)
    rows = []
    for copies in (1, 2, 4):
        path = os.path.join(WORK, f"cvat-x{copies}.json")
        with open(path, "w") as handle:
            json.dump(concatenated(document, copies), handle)
        out = os.path.join(WORK, "growth")
        samples = []
        for _ in range(ROUNDS):
            seconds, rss, ok = measure([SPECFORGE, "generate", path, "--module", "Client", "--output", fresh(out),
                                        "--no-cache"])
            if not ok:
                raise SystemExit(f"specforge failed on {path}")
            samples.append((seconds, rss))
        operations = sum(1 for item in concatenated(document, copies)["paths"].values()
                         for key in item if key in ("get", "put", "post", "delete", "patch", "head", "options"))
        rows.append((copies, operations, os.path.getsize(path), median(samples)))
    return rows


# 4. Building the generated clients ---------------------------------------------------------------

PACKAGE = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BenchClient",
    dependencies: [.package(name: "specforge", path: "{repo}")],
    targets: [
        .target(
            name: "Client",
            dependencies: [.product(name: "SpecforgeRuntime", package: "specforge")],
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        )
    ]
)
"""


def builds():
    rows = []
    for label, relative in SCHEMAS[:2]:
        package = os.path.join(WORK, "build-" + label.split()[0].lower())
        # A fresh .build: SwiftPM does not notice files added to a path dependency it has built.
        shutil.rmtree(os.path.join(package, ".build"), ignore_errors=True)
        shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
        os.makedirs(package, exist_ok=True)
        with open(os.path.join(package, "Package.swift"), "w") as handle:
            handle.write(PACKAGE.format(repo=REPO))
        run([SPECFORGE, "generate", os.path.join(SHARED, relative), "--module", "Client",
             "--output", os.path.join(package, "Sources", "Client"), "--no-cache"])
        files = sum(len(names) for _, _, names in os.walk(os.path.join(package, "Sources")))
        for configuration in ("debug", "release"):
            run(["swift", "build", "-c", configuration, "--target", "SpecforgeRuntime"], cwd=package)
            for stale in ("Client.build", "Modules/Client.swiftmodule"):
                shutil.rmtree(os.path.join(package, ".build", configuration, stale), ignore_errors=True)
            seconds, rss, ok = measure(["swift", "build", "-c", configuration, "--target", "Client"], cwd=package)
            if not ok:
                with open(os.path.join(WORK, "last-run.log")) as handle:
                    log(handle.read()[-4000:])
                raise SystemExit(f"the generated {label} client did not build ({configuration})")
            warnings = open(os.path.join(WORK, "last-run.log")).read().count("warning:")
            rows.append((label, configuration, files, seconds, rss, warnings))
            log(f"built {label} ({configuration})")
    return rows


# 5. The generated models at run time --------------------------------------------------------------

MODEL_CODING_PACKAGE = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ModelCoding",
    dependencies: [.package(name: "specforge", path: "{repo}")],
    targets: [
        .executableTarget(
            name: "ModelCoding",
            dependencies: [
                .product(name: "CVAT", package: "specforge"),
                .product(name: "SpecforgeRuntime", package: "specforge"),
            ]
        )
    ]
)
"""


def model_coding():
    """Builds Benchmarks/ModelCoding against the repository's CVAT client; returns its table."""
    package = os.path.join(WORK, "model-coding")
    sources = os.path.join(package, "Sources", "ModelCoding")
    shutil.rmtree(sources, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "Benchmarks", "ModelCoding"), sources)
    with open(os.path.join(package, "Package.swift"), "w") as handle:
        handle.write(MODEL_CODING_PACKAGE.format(repo=REPO))
    run(["swift", "build", "-c", "release"], cwd=package)
    log("built the model coding benchmark")
    return subprocess.run([os.path.join(package, ".build", "release", "ModelCoding")], check=True,
                          capture_output=True, text=True).stdout


# Report ------------------------------------------------------------------------------------------


# 6. Layouts for the build-tool plugin ---------------------------------------------------------------

LAYOUTS = [("a file per declaration", None), ("4 shards", 4), ("8 shards", 8), ("16 shards", 16)]


def layouts():
    """Debug builds of the generated CVAT client in each layout: clean (the runtime already
    built), then incremental after one property is added to one schema (TaskRead)."""
    schema = os.path.join(SHARED, "schemas/cvat/cvat-2.72.0.json")
    with open(schema) as handle:
        document = json.load(handle)
    changed = copy.deepcopy(document)
    changed["components"]["schemas"]["TaskRead"]["properties"]["bench_note"] = {"type": "string"}
    changed_schema = os.path.join(WORK, "cvat-changed.json")
    with open(changed_schema, "w") as handle:
        json.dump(changed, handle)
    package = os.path.join(WORK, "layouts")
    rows = []
    for label, shards in LAYOUTS:
        shutil.rmtree(os.path.join(package, ".build"), ignore_errors=True)
        shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
        os.makedirs(package, exist_ok=True)
        with open(os.path.join(package, "Package.swift"), "w") as handle:
            handle.write(PACKAGE.format(repo=REPO))
        output = os.path.join(package, "Sources", "Client")
        layout = ["--shards", str(shards)] if shards else []
        config = ["--config", os.path.join(REPO, "Schemas/cvat.yaml")]
        run([SPECFORGE, "generate", schema, "--output", output, "--no-cache"] + config + layout)
        files = sum(len(names) for _, _, names in os.walk(os.path.join(package, "Sources")))
        run(["swift", "build", "--target", "SpecforgeRuntime"], cwd=package)
        clean, rss, ok = measure(["swift", "build", "--target", "Client"], cwd=package)
        if not ok:
            raise SystemExit(f"the {label} layout did not build")
        run([SPECFORGE, "generate", changed_schema, "--output", output, "--no-cache"] + config + layout)
        incremental, _, ok = measure(["swift", "build", "--target", "Client"], cwd=package)
        if not ok:
            raise SystemExit(f"the {label} layout did not build after the change")
        rows.append((label, files, clean, rss, incremental))
        log(f"built CVAT as {label}: {files} files, clean {clean:.1f} s, incremental {incremental:.1f} s")
    return rows


def plugin_no_op():
    """`swift build` of Examples/TaskBoard when nothing changed: the target generated by the
    plugin against the one whose client is committed, medians of ROUNDS."""
    example = os.path.join(REPO, "Examples", "TaskBoard")
    run(["swift", "build"], cwd=example)
    times = {}
    for target in ("TaskBoardClient", "StatusClient"):
        times[target] = statistics.median(measure(["swift", "build", "--target", target], cwd=example)[0]
                                          for _ in range(ROUNDS))
    return times


DIFF_PAIRS = [("2.71.0", "2.72.0"), ("2.70.0", "2.71.0"), ("2.61.0", "2.72.0"), ("2.26.2", "2.61.0")]


def diffs():
    """`specforge diff OLD NEW --config Schemas/cvat.yaml` on CVAT pairs, medians of ROUNDS."""
    rows = []
    for old, new in DIFF_PAIRS:
        def path(version):
            name = f"cvat-{version}.json" if os.path.exists(os.path.join(SHARED, "schemas/cvat", f"cvat-{version}.json")) \
                else f"cvat-{version}.yml"
            return os.path.join(SHARED, "schemas/cvat", name)
        command = [SPECFORGE, "diff", path(old), path(new), "--config", os.path.join(REPO, "Schemas/cvat.yaml"),
                   "--fail-on", "any"]
        samples = [measure(command) for _ in range(ROUNDS)]
        summary = subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0].split(": ", 1)[-1]
        rows.append((f"{old} → {new}", statistics.median(s[0] for s in samples), max(s[1] for s in samples), summary))
    return rows


def report_diffs(rows):
    print(f"\n### `specforge diff` on CVAT versions (release, median of {ROUNDS})\n")
    print("| versions | time | peak RSS | report |\n|---|---|---|---|")
    for label, seconds, rss, summary in rows:
        print(f"| {label} | {seconds * 1000:.0f} ms | {rss:.0f} MB | {summary} |")


def report_generation(generated, names=("specforge",)):
    names = list(names)
    print(f"\n### Generation into an empty folder (median of {ROUNDS} interleaved runs; time, peak RSS)\n")
    speed_ups = "".join(f" speed-up vs {name} |" for name in names[1:])
    print("| schema | " + " | ".join(names) + " |" + speed_ups)
    print("|---" * (2 * len(names)) + "|")
    for label, results in generated:
        cells = [f"{results[n][0]:.3f} s, {results[n][1]:.0f} MB" if n in results else "fails" for n in names]
        ours = results.get("specforge", (None,))[0]
        ratios = [f"{results[n][0] / ours:.1f}×" if n in results and ours else "–" for n in names[1:]]
        print(f"| {label} | " + " | ".join(cells + ratios) + " |")


def report_docs(generated):
    print(f"\n### What `--docs` adds to generation (median of {ROUNDS} interleaved runs)\n")
    print("| schema | code | code and reference pages | pages add |\n|---|---|---|---|")
    for label, results in generated:
        if "specforge" in results and "specforge --docs" in results:
            code, both = results["specforge"][0], results["specforge --docs"][0]
            print(f"| {label} | {code:.3f} s | {both:.3f} s | {(both / code - 1) * 100:+.0f}% |")


def report(generated, no_op_times, growth_rows, build_rows, coding_table, tools, layout_rows=(), plugin_times=None):
    report_generation(generated, [name for name, _ in tools])
    (cached, cached_rss), (uncached, uncached_rss) = no_op_times
    print("\n### Regenerating CVAT 2.72 when nothing changed\n")
    print("| run | time | peak RSS |\n|---|---|---|")
    print(f"| replayed from the manifest | {cached * 1000:.0f} ms | {cached_rss:.0f} MB |")
    print(f"| `--no-cache` (every stage, every file compared) | {uncached * 1000:.0f} ms | {uncached_rss:.0f} MB |")
    print("\n### Cost grows linearly (CVAT 2.72 concatenated with renamed copies of itself)\n")
    print("| copies | operations | schema size | time | peak RSS | per operation |\n|---|---|---|---|---|---|")
    for copies, operations, size, (seconds, rss) in growth_rows:
        print(f"| {copies}× | {operations} | {size / 1e6:.1f} MB | {seconds:.2f} s | {rss:.0f} MB | "
              f"{seconds / operations * 1000:.2f} ms |")
    if build_rows:
        print("\n### Building the generated clients (`swift build --target Client`, runtime already built)\n")
        print("| client | configuration | files | time | peak RSS (largest process) | warnings |")
        print("|---|---|---|---|---|---|")
        for label, configuration, files, seconds, rss, warnings in build_rows:
            print(f"| {label} | {configuration} | {files} | {seconds:.1f} s | {rss / 1024:.2f} GB | {warnings} |")
    print("\n### The generated models at run time (release, median of 11)\n")
    print(coding_table, end="")
    if layout_rows:
        print("\n### CVAT 2.72 in each output layout (debug `swift build --target Client`, runtime built)\n")
        print("| layout | files | clean build | peak RSS | after adding a property to TaskRead |")
        print("|---|---|---|---|---|")
        for label, files, clean, rss, incremental in layout_rows:
            print(f"| {label} | {files} | {clean:.1f} s | {rss / 1024:.2f} GB | {incremental:.1f} s |")
    if plugin_times:
        print("\n### `swift build` with nothing changed (Examples/TaskBoard, median)\n")
        print("| target | time |\n|---|---|")
        print(f"| TaskBoardClient (build-tool plugin) | {plugin_times['TaskBoardClient']:.2f} s |")
        print(f"| StatusClient (committed client) | {plugin_times['StatusClient']:.2f} s |")


def main():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(SPECFORGE):
        raise SystemExit("build specforge first: swift build -c release --product specforge")
    if os.environ.get("BENCH_ONLY") == "diff":
        report_diffs(diffs())
        return
    if os.environ.get("BENCH_ONLY") == "files":
        report_file_creation(file_creation(SPECFORGE, SHARED, WORK, ROUNDS, log))
        return
    if os.environ.get("BENCH_ONLY") == "cvatkit":
        report_cvatkit(cvatkit(REPO, SHARED, WORK, log))
        return
    if os.environ.get("BENCH_ONLY") == "production":
        report_production(production(REPO, SHARED, WORK, log))
        return
    if os.environ.get("BENCH_ONLY") == "incremental":
        report_incremental(incremental(SPECFORGE, SHARED, WORK, PACKAGE, REPO, log))
        return
    if os.environ.get("BENCH_ONLY") == "generate":
        generated = generation([specforge_generator(), specforge_with_docs()])
        report_generation(generated)
        report_docs(generated)
        return
    tools = generators()
    log(f"{ROUNDS} rounds; scratch folder {WORK}")
    generated = generation(tools + [specforge_with_docs()])
    no_op_times = no_op()
    growth_rows = growth()
    build_rows = [] if os.environ.get("BENCH_SKIP_BUILDS") == "1" else builds()
    remove_outputs()
    coding_table = model_coding()
    layout_rows = [] if os.environ.get("BENCH_SKIP_BUILDS") == "1" else layouts()
    plugin_times = plugin_no_op()
    incremental_rows = [] if os.environ.get("BENCH_SKIP_BUILDS") == "1" else incremental(
        SPECFORGE, SHARED, WORK, PACKAGE, REPO, log)
    diff_rows = diffs()
    files_result = file_creation(SPECFORGE, SHARED, WORK, ROUNDS, log)
    production_result = production(REPO, SHARED, WORK, log)
    cvatkit_rows = cvatkit(REPO, SHARED, WORK, log)
    report(generated, no_op_times, growth_rows, build_rows, coding_table, tools, layout_rows, plugin_times)
    report_diffs(diff_rows)
    report_docs(generated)
    if incremental_rows:
        report_incremental(incremental_rows)
    report_file_creation(files_result)
    report_production(production_result)
    report_cvatkit(cvatkit_rows)


if __name__ == "__main__":
    main()
