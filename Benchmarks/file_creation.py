"""Part 10 of `make bench` (`BENCH_ONLY=files` runs it alone): where generation time goes when
it is mostly creating files, on a fresh and on a loaded file system.

"Loaded" is what a working day leaves: many large trees created and removed (LOAD_TREES trees of
Stripe's 3,542 files each, created and deleted before measuring). Measured in both states:
  - specforge generating Stripe 2021 into an empty folder: a file per declaration (3,542 files
    in three folders, written in parallel) and `--shards 16` (17 files);
  - the same 3,542 files of Stripe's client written by a plain Python loop, serially and with
    two threads (the machine's cores), into the generator's three folders and spread over 64
    folders: which of these the file system punishes, independent of specforge.
Medians of ROUNDS, each into a never-used folder."""
import os
import shutil
import statistics
import subprocess
import threading
import time

LOAD_TREES = int(os.environ.get("BENCH_LOAD_TREES", "30"))


def _files_of_stripe(specforge, schema, work):
    """(relative path, bytes) of every file of Stripe's client, read once from a generation."""
    folder = os.path.join(work, "files-source")
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([specforge, "generate", schema, "--output", folder, "--no-cache", "--module", "Client"],
                   capture_output=True, check=True)
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                files.append((os.path.relpath(path, folder), handle.read()))
    shutil.rmtree(folder)
    return sorted(files)


def _write(files, folder, threads, spread):
    def target(index):
        return os.path.join(folder, f"d{index % 64:02d}", os.path.basename(files[index][0])) if spread \
            else os.path.join(folder, files[index][0])
    folders = {os.path.dirname(target(i)) for i in range(len(files))}
    for path in folders:
        os.makedirs(path, exist_ok=True)

    def work(indices):
        for i in indices:
            with open(target(i), "wb") as handle:
                handle.write(files[i][1])

    start = time.perf_counter()
    workers = [threading.Thread(target=work, args=(range(t, len(files), threads),)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


def _load(files, work):
    """Creates and removes LOAD_TREES trees of the files, as a day of builds and generations does."""
    for tree in range(LOAD_TREES):
        folder = os.path.join(work, f"load-{tree}")
        _write(files, folder, 1, False)
        shutil.rmtree(folder)


def file_creation(specforge, shared, work, rounds, log):
    schema = os.path.join(shared, "schemas/real/stripe-2021.yaml")
    files = _files_of_stripe(specforge, schema, work)
    counter = [0]

    def fresh():
        counter[0] += 1
        return os.path.join(work, f"files-{counter[0]}")

    cases = [
        ("specforge, a file per declaration", lambda: _time([specforge, "generate", schema, "--output", fresh(),
                                                             "--no-cache", "--module", "Client"])),
        ("specforge, `--shards 16`", lambda: _time([specforge, "generate", schema, "--output", fresh(),
                                                    "--no-cache", "--module", "Client", "--shards", "16"])),
        ("a loop, serial, 3 folders", lambda: _write(files, fresh(), 1, False)),
        ("a loop, 2 threads, 3 folders", lambda: _write(files, fresh(), 2, False)),
        ("a loop, serial, 64 folders", lambda: _write(files, fresh(), 1, True)),
        ("a loop, 2 threads, 64 folders", lambda: _write(files, fresh(), 2, True)),
    ]
    rows = []
    for state in ("fresh", "loaded"):
        if state == "loaded":
            log(f"loading the file system: {LOAD_TREES} trees of {len(files)} files created and removed")
            _load(files, work)
        for label, run in cases:
            samples = [run() for _ in range(rounds)]
            rows.append((state, label, statistics.median(samples)))
            log(f"{state}: {label}: {statistics.median(samples):.3f} s")
        for index in range(1, counter[0] + 1):
            shutil.rmtree(os.path.join(work, f"files-{index}"), ignore_errors=True)
    return len(files), rows


def _time(command):
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def report_file_creation(result):
    count, rows = result
    print(f"\n### Creating Stripe's {count} files on a fresh and a loaded file system (median)\n")
    print("| writer | fresh | loaded |\n|---|---|---|")
    by = {(state, label): seconds for state, label, seconds in rows}
    for label in dict.fromkeys(label for _, label, _ in rows):
        print(f"| {label} | {by[('fresh', label)]:.3f} s | {by[('loaded', label)]:.3f} s |")
