"""Part 12 of `make bench` (`BENCH_ONLY=cvatkit` runs it alone): CVATKit's long operations
against cvat-sdk's, on the fake CVAT server on Django REST framework (Tests/Server/cvat_drf.py),
in release builds: creating a task from one 200 MB file (through TUS, 10 MiB chunks) and
exporting a 200 MB dataset to a file. For each: the peak resident set above the baseline before
the operation, and the time (median of 3). The server is Python; it bounds both clients alike."""
import os
import shutil
import statistics
import subprocess

SIZE_MB = 200

PACKAGE = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "CVATKitBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "specforge", path: "{repo}")],
    targets: [
        .executableTarget(
            name: "CVATKitBench",
            dependencies: [
                .product(name: "CVATKit", package: "specforge"),
                .product(name: "CVAT", package: "specforge"),
                .product(name: "SpecforgeRuntime", package: "specforge"),
                .product(name: "SpecforgeAsyncHTTPClient", package: "specforge"),
            ]
        )
    ]
)
"""


def _run(command):
    words = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    return int(words[1]), int(words[3]), float(words[5])


def cvatkit(repo, shared, work, log):
    package = os.path.join(work, "cvatkit-bench")
    sources = os.path.join(package, "Sources", "CVATKitBench")
    shutil.rmtree(sources, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "Benchmarks", "CVATKitBench"), sources)
    with open(os.path.join(package, "Package.swift"), "w") as handle:
        handle.write(PACKAGE.format(repo=repo))
    subprocess.run(["swift", "build", "-c", "release"], cwd=package, check=True, capture_output=True)
    log("built the CVATKit benchmark")
    swift = os.path.join(package, ".build", "release", "CVATKitBench")
    home = os.path.expanduser("~/.cache/specforge")
    sdk = os.environ.get("CVAT_SDK_PYTHON", os.path.join(home, "cvat-sdk-2.71.0", "bin", "python"))
    drf = os.environ.get("FAKE_CVAT_PYTHON", os.path.join(home, "fake-cvat-drf", "bin", "python"))
    upload = os.path.join(work, f"upload-{SIZE_MB}mb.bin")
    if not os.path.exists(upload):
        with open(upload, "wb") as handle:
            handle.write(os.urandom(SIZE_MB << 20))
    rows = {}
    schema = os.path.join(shared, "schemas", "cvat", "cvat-2.72.0.json")
    for mode in ("upload", "export"):
        clients = (("CVATKit, URLSessionTransport", [swift], []), ("CVATKit, AsyncHTTPClientTransport", [swift],
                   ["asynchttpclient"]), ("cvat-sdk", [sdk, os.path.join(repo, "Benchmarks", "cvatkit_sdk_bench.py")], []))
        for client, command, extra in clients:
            samples = []
            for _ in range(3):
                server = subprocess.Popen([drf, os.path.join(repo, "Tests", "Server", "cvat_drf.py"), schema],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                try:
                    url = f"http://127.0.0.1:{server.stdout.readline().split()[1]}"
                    subprocess.run(["curl", "-s", "-X", "POST", "-d", f'{{"export_size": {SIZE_MB << 20}}}',
                                    f"{url}/__control"], check=True, capture_output=True)
                    target = upload if mode == "upload" else os.path.join(work, f"export-{len(client)}.zip")
                    if mode == "export" and os.path.exists(target):
                        os.remove(target)
                    samples.append(_run(command + [mode, url, target] + extra))
                finally:
                    server.kill()
                    server.wait()
            rows[(mode, client)] = (samples[0][0], max(s[1] for s in samples),
                                    max(s[1] - s[0] for s in samples), statistics.median(s[2] for s in samples))
            log(f"cvatkit bench: {mode} with {client}")
    return rows


def report_cvatkit(rows):
    print(f"\n## CVATKit against cvat-sdk (part 12)\n")
    print(f"{SIZE_MB} MB through the fake CVAT server on Django REST framework (release; median of 3 runs;"
          " peak resident set above the baseline before the operation):\n")
    print("| operation | client | baseline | peak above baseline | time | throughput |")
    print("|---|---|---:|---:|---:|---:|")
    for (mode, client), (baseline, peak, above, seconds) in rows.items():
        label = "create a task from one file (TUS)" if mode == "upload" else "export a dataset to a file"
        print(f"| {label} | {client} | {baseline / 1024:.0f} MB | {above / 1024:.0f} MB | {seconds:.2f} s |"
              f" {SIZE_MB / seconds:.0f} MB/s |")
