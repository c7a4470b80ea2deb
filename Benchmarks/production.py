"""Part 11 of `make bench` (`BENCH_ONLY=production` runs it alone): what the production runtime
costs and saves, in release builds (Benchmarks/Production).

  - client-side validation: encoding a TaskWriteRequest against checking it, per call, and
    whole calls through a transport that answers at once, validation on and off;
  - memory: peak resident set above the baseline while a 200 MB file goes through the multipart
    endpoint of the fake CVAT server (POST /api/tasks/42/data/), with the runtime of this
    checkout (URLSessionTransport and AsyncHTTPClientTransport) and with the runtime before
    streamed uploads (BENCH_BEFORE, default b25110b, built from a git worktree);
  - throughput on loopback: downloading and uploading 200 MB through each transport, against
    Tests/Server/transport_server.py (a Python server: it bounds what is measured)."""
import os
import shutil
import subprocess

BEFORE = os.environ.get("BENCH_BEFORE", "b25110b")
UPLOAD_MB = 200

PACKAGE = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Production",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "specforge", path: "{repo}")],
    targets: [
        .executableTarget(
            name: "UploadMemory",
            dependencies: [
                .product(name: "CVAT", package: "specforge"),
                .product(name: "SpecforgeRuntime", package: "specforge"),
                {async_product}
            ],
            swiftSettings: [{async_define}]
        ),
        {costs_target}
    ]
)
"""

COSTS_TARGET = """.executableTarget(
            name: "RuntimeCosts",
            dependencies: [
                .product(name: "CVAT", package: "specforge"),
                .product(name: "SpecforgeRuntime", package: "specforge"),
                .product(name: "SpecforgeAsyncHTTPClient", package: "specforge"),
            ]
        ),"""


def _package(work, name, repo, current):
    """A benchmark package against the specforge at `repo`; `current` adds what only this
    checkout's runtime has (AsyncHTTPClientTransport, RuntimeCosts)."""
    package = os.path.join(work, name)
    for target in ("UploadMemory",) + (("RuntimeCosts",) if current else ()):
        sources = os.path.join(package, "Sources", target)
        shutil.rmtree(sources, ignore_errors=True)
        shutil.copytree(os.path.join(os.path.dirname(__file__), "Production", target), sources)
    with open(os.path.join(package, "Package.swift"), "w") as handle:
        handle.write(PACKAGE.format(
            repo=repo,
            async_product='.product(name: "SpecforgeAsyncHTTPClient", package: "specforge"),' if current else "",
            async_define='.define("ASYNC_HTTP_CLIENT")' if current else "",
            costs_target=COSTS_TARGET if current else "",
        ))
    subprocess.run(["swift", "build", "-c", "release"], cwd=package, check=True, capture_output=True)
    return os.path.join(package, ".build", "release")


def _before_checkout(repo, work):
    """A worktree of the repository at BENCH_BEFORE."""
    tree = os.path.join(work, f"specforge-{BEFORE}")
    if not os.path.exists(tree):
        subprocess.run(["git", "-C", repo, "worktree", "add", "--detach", tree, BEFORE], check=True,
                       capture_output=True)
    return tree


class _Server:
    """A Python loopback server of the tests, stopped on exit."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.fields = self.process.stdout.readline().split()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


def production(repo, shared, work, log):
    current = _package(work, "production", repo, current=True)
    log("built the production runtime benchmark")
    before = _package(work, "production-before", _before_checkout(repo, work), current=False)
    log(f"built the upload benchmark against {BEFORE}")

    costs = subprocess.run([os.path.join(current, "RuntimeCosts"), "validation"], check=True,
                           capture_output=True, text=True).stdout.split("\n")
    encode_line = costs[0].split()
    validation = {"encode": float(encode_line[1]), "validate": float(encode_line[3]), "share": float(encode_line[5])}
    for line in costs[1:]:
        if line.startswith("call"):
            validation[f"call {line.split()[1]}"] = float(line.split()[2])
    log("measured validation")

    upload = os.path.join(work, "upload-200mb.bin")
    if not os.path.exists(upload):
        with open(upload, "wb") as handle:
            handle.write(os.urandom(UPLOAD_MB << 20))
    memory = []
    schema = os.path.join(shared, "schemas", "cvat", "cvat-2.72.0.json")
    for label, folder, transport in [
        (f"before ({BEFORE}), URLSessionTransport", before, "urlsession"),
        ("now, URLSessionTransport", current, "urlsession"),
        ("now, AsyncHTTPClientTransport", current, "asynchttpclient"),
    ]:
        with _Server(["python3", os.path.join(repo, "Tests", "Server", "fake_cvat.py"), schema]) as server:
            url = f"http://127.0.0.1:{server.fields[1]}"
            output = subprocess.run([os.path.join(folder, "UploadMemory"), url, upload, transport], check=True,
                                    capture_output=True, text=True).stdout.split()
        baseline, peak = int(output[1]), int(output[3])
        memory.append((label, baseline, peak))
        log(f"upload memory: {label}")

    with _Server(["python3", os.path.join(repo, "Tests", "Server", "transport_server.py")]) as server:
        url = f"http://127.0.0.1:{server.fields[1]}"
        lines = subprocess.run([os.path.join(current, "RuntimeCosts"), "throughput", url, str(UPLOAD_MB)], check=True,
                               capture_output=True, text=True).stdout.strip().split("\n")
    rates = [(line.split()[0], float(line.split()[2]), float(line.split()[4])) for line in lines]
    log("measured throughput")
    return validation, memory, rates


def report_production(result):
    validation, memory, rates = result
    print("\n## Production runtime (part 11)\n")
    print("Client-side validation of a TaskWriteRequest with 8 labels of 3 attributes, per call:\n")
    print("| encoding as JSON | checking its constraints | checking / encoding |")
    print("|---:|---:|---:|")
    print(f"| {validation['encode']:.2f} µs | {validation['validate']:.2f} µs | {validation['share']:.1f} % |")
    if "call on" in validation:
        print(f"\nA whole `tasksApi.create` call through a transport that answers at once: "
              f"{validation['call on']:.1f} µs with validation, {validation['call off']:.1f} µs without.")
    print(f"\nUploading {UPLOAD_MB} MB through the fake CVAT server's multipart endpoint, resident set:\n")
    print("| runtime | baseline | peak | peak above baseline |")
    print("|---|---:|---:|---:|")
    for label, baseline, peak in memory:
        print(f"| {label} | {baseline / 1024:.0f} MB | {peak / 1024:.0f} MB | {(peak - baseline) / 1024:.0f} MB |")
    print(f"\nLoopback throughput, {UPLOAD_MB} MB each way (median of 3; the server is Python):\n")
    print("| transport | download | upload |")
    print("|---|---:|---:|")
    for name, download, upload in rates:
        print(f"| {name} | {download:.0f} MB/s | {upload:.0f} MB/s |")
