#!/usr/bin/env bash
# Usage: check-diff-digester.sh SPECFORGE OLD NEW [CONFIG]
#
# Cross-checks `specforge diff` against the compiler's own view: generates the clients of OLD
# and NEW, dumps each module's public interface with swift-api-digester, and lets the digester
# list the declarations that were removed or changed. Every one must be named by a change that
# `specforge diff OLD NEW` reports (the symbol itself, or, for a memberwise initialiser or an
# endpoint descriptor, a change to its type or its operation).
set -euo pipefail
specforge=$1 old=$2 new=$3 config=${4:-Schemas/cvat.yaml}
cd "$(dirname "$0")/../.."
swift build --target SpecforgeRuntime >/dev/null
modules="$(swift build --show-bin-path)/Modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for side in old new; do
    schema=${!side}
    "$specforge" generate "$schema" --config "$config" --module Client --output "$work/$side" --no-cache >/dev/null
    mkdir -p "$work/$side-module"
    mapfile -t files < <(find "$work/$side" -name '*.swift' | sort)
    swiftc -emit-module -emit-module-path "$work/$side-module/Client.swiftmodule" -module-name Client \
        -swift-version 6 -I "$modules" "${files[@]}"
    swift-api-digester -dump-sdk -module Client -I "$work/$side-module" -I "$modules" -o "$work/$side.json" 2>/dev/null
done
swift-api-digester -diagnose-sdk --input-paths "$work/old.json" --input-paths "$work/new.json" >"$work/digester.txt" 2>&1
"$specforge" diff "$old" "$new" --config "$config" --format json --fail-on any >"$work/diff.json" || true

python3 - "$work/digester.txt" "$work/diff.json" <<'PYTHON'
import json, re, sys

report = open(sys.argv[1]).read()
symbols = [symbol for change in json.load(open(sys.argv[2]))["changes"] for symbol in change["symbols"]]
# "Func InvitationsApi.partialUpdate(key:...) has been removed", "Var X.y has declared type change ..."
reported = re.findall(r"^(\w+) ([A-Za-z_][\w.]*(?:\([^)]*\))?) has (?:been removed|declared type change|been renamed|.*changed)", report, re.M)
if not reported and "has been" in report:
    sys.exit("check-diff-digester: could not read the digester's report:\n" + report)

def named(kind, declaration):
    if declaration in symbols:
        return True
    base = declaration.split("(")[0]
    owner, _, member = base.rpartition(".")
    if not owner:  # a type
        return any(s == base or s.startswith(base + ".") for s in symbols)
    if member == "init":  # a memberwise initialiser: one of the type's properties changed
        return any(s == owner or s.startswith(owner + ".") for s in symbols)
    if member.endswith("Endpoint"):  # the descriptor of an operation that changed
        member = member[: -len("Endpoint")]
    return any(s.startswith(f"{owner}.{member}(") or s == f"{owner}.{member}" for s in symbols)

missing = [f"{kind} {declaration}" for kind, declaration in reported if not named(kind, declaration)]
print(f"swift-api-digester: {len(reported)} removed or changed declarations; specforge diff names "
      f"{len(reported) - len(missing)} of them")
if missing:
    print("not named by specforge diff:\n  " + "\n  ".join(missing))
    sys.exit(1)
PYTHON
