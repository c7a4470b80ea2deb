"""Part 9 of `make bench` (`BENCH_ONLY=incremental` runs it alone): what a small change to the
document costs a build of the build-tool plugin's layout (ApiClient.swift and 16 shards).

For CVAT 2.72 and Stripe 2021, four changes, each on its own from the original document: a
property added to a schema many others use, and to one few others use, an operation added to
one group, a value added to one enum. For
each: the files the generator rewrote, the files the compiler recompiled, and the debug build's
wall time, against the clean build. The recompiled files are read from `swift build`'s
`Compiling Client …` lines."""
import copy
import json
import os
import re
import shutil
import subprocess
import time

SHARDS = 16


def _first_enum(schemas):
    """(label, the enum's schema): a component that is a string enum, else the first string
    enum among the components' properties (Stripe writes its enums inline)."""
    def is_enum(schema):
        return isinstance(schema.get("enum"), list) and all(isinstance(v, str) for v in schema["enum"])
    for name, schema in schemas.items():
        if is_enum(schema):
            return name, schema
    for name, schema in schemas.items():
        for property_name, property_schema in (schema.get("properties") or {}).items():
            if is_enum(property_schema):
                return f"{name}.{property_name}", property_schema
    raise SystemExit("no string enum in the document")


def _changes(document, flavour):
    """(label, changed document) for each kind of change."""
    schemas = document["components"]["schemas"]
    model = "TaskRead" if flavour == "cvat" else "account"
    changed_schema = copy.deepcopy(document)
    changed_schema["components"]["schemas"][model]["properties"]["bench_note"] = {"type": "string"}

    # A model few others use, in a shard that also holds declarations many others use.
    leaf = "AnnotationGuideRead" if flavour == "cvat" else "apple_pay_domain"
    changed_leaf = copy.deepcopy(document)
    changed_leaf["components"]["schemas"][leaf]["properties"]["bench_note"] = {"type": "string"}

    changed_operation = copy.deepcopy(document)
    if flavour == "cvat":
        path, operation = "/api/tasks/{id}/bench", {
            "operationId": "tasks_retrieve_bench", "tags": ["tasks"],
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/TaskRead"}}}}},
        }
    else:
        path, operation = "/v1/accounts/{account}/bench", {
            "operationId": "GetAccountsAccountBench",
            "parameters": [{"name": "account", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/account"}}}}},
        }
    changed_operation["paths"][path] = {"get": operation}

    changed_enum = copy.deepcopy(document)
    enum, enum_schema = _first_enum(changed_enum["components"]["schemas"])
    enum_schema["enum"].append("bench_value")
    return [
        (f"a property added to {model}", changed_schema),
        (f"a property added to {leaf}", changed_leaf),
        (f"an operation added ({operation['operationId']})", changed_operation),
        (f"a value added to the enum {enum}", changed_enum),
    ]


def _generate(specforge, schema, output, config):
    result = subprocess.run(
        [specforge, "generate", schema, "--output", output, "--no-cache", "--shards", str(SHARDS)] + config,
        capture_output=True, text=True, check=True,
    )
    written = re.search(r"\((\d+) written", result.stdout)
    return int(written.group(1)) if written else -1


def _build(package):
    start = time.perf_counter()
    result = subprocess.run(["swift", "build", "--target", "Client"], cwd=package, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the client did not build:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    compiled = set()
    for line in result.stdout.splitlines():
        if " Compiling Client " in line:
            compiled.update(re.findall(r"(\w+)\.swift", line))
    return seconds, compiled


def incremental(specforge, shared, work, package_template, repo, log):
    rows = []
    for label, relative, flavour, config in [
        ("CVAT 2.72", "schemas/cvat/cvat-2.72.0.json", "cvat", ["--config", os.path.join(repo, "Schemas/cvat.yaml")]),
        ("Stripe 2021", "schemas/real/stripe-2021.yaml", "stripe", ["--module", "Client"]),
    ]:
        source = os.path.join(shared, relative)
        if source.endswith(".json"):
            with open(source) as handle:
                document = json.load(handle)
        else:
            import yaml  # PyYAML, installed with the peers' virtualenv if missing here
            with open(source) as handle:
                document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        package = os.path.join(work, "incremental-" + flavour)
        shutil.rmtree(package, ignore_errors=True)
        os.makedirs(package)
        with open(os.path.join(package, "Package.swift"), "w") as handle:
            handle.write(package_template.format(repo=repo))
        output = os.path.join(package, "Sources", "Client")
        original = os.path.join(work, f"incremental-{flavour}.json")
        with open(original, "w") as handle:
            json.dump(document, handle)
        _generate(specforge, original, output, config)
        subprocess.run(["swift", "build", "--target", "SpecforgeRuntime"], cwd=package, capture_output=True, check=True)
        clean, compiled = _build(package)
        files = len(os.listdir(output))
        log(f"{label}: clean build {clean:.1f} s, {len(compiled)} files")
        rows.append((label, "clean build", files, files, clean))
        for change, changed in _changes(document, flavour):
            path = os.path.join(work, f"incremental-{flavour}-changed.json")
            with open(path, "w") as handle:
                json.dump(changed, handle)
            written = _generate(specforge, path, output, config)
            seconds, compiled = _build(package)
            rows.append((label, change, written, len(compiled), seconds))
            log(f"{label}, {change}: {written} files written, {len(compiled)} compiled "
                f"({', '.join(sorted(compiled))}), {seconds:.1f} s")
            # Back to the original, built, before the next change.
            _generate(specforge, original, output, config)
            _build(package)
    return rows


def report_incremental(rows):
    print(f"\n### Incremental debug builds of the plugin's layout (ApiClient.swift + {SHARDS} shards)\n")
    print("| client | change | files written | files compiled | build |\n|---|---|---|---|---|")
    for label, change, written, compiled, seconds in rows:
        print(f"| {label} | {change} | {written} | {compiled} | {seconds:.1f} s |")
