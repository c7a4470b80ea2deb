#!/usr/bin/env bash
# Usage: check-hostile.sh SPECFORGE
#
# Generates Schemas/hostile.yaml (names and descriptions built to break out of comments and
# string literals), compiles it, dumps its public interface with swift-api-digester and checks
# that the only top-level declarations are the ones the generator meant to write: one per
# generated file, named after it. Any schema text that became code would show up as another one.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
swift build --target SpecforgeRuntime >/dev/null
modules="$(swift build --show-bin-path)/Modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$specforge" generate Schemas/hostile.yaml --module Client --output "$work/out" >/dev/null
mapfile -t files < <(find "$work/out" -name '*.swift' | sort)
swiftc -emit-module -emit-module-path "$work/Client.swiftmodule" -module-name Client -swift-version 6 \
    -warnings-as-errors -I "$modules" "${files[@]}"
swift-api-digester -dump-sdk -module Client -I "$work" -I "$modules" -o "$work/sdk.json" 2>/dev/null

python3 - "$work/sdk.json" "${files[@]}" <<'PYTHON'
import json, os, sys

sdk = json.load(open(sys.argv[1]))
expected = sorted(os.path.basename(path)[:-len(".swift")] for path in sys.argv[2:])
top_level = sorted(node["name"] for node in sdk["ABIRoot"]["children"]
                   if node.get("kind") in ("TypeDecl", "TypeAlias", "Function", "Var"))
injected = {"injected", "injectedFromPath", "InjectedFromDescription", "injectedFromSummary", "InjectedFromSummary",
            "InjectedAfterLineSeparator", "InjectedAfterCRLF", "injectedFromOperationId", "injectedFromParameter",
            "injectedProperty", "X", "InjectedFromTag"}

def names(node):
    yield node.get("name")
    for child in node.get("children", []):
        yield from names(child)

found = injected.intersection(names(sdk["ABIRoot"]))
if top_level != expected or found:
    print("hostile schema: unexpected public declarations")
    print("  expected:", expected)
    print("  found:   ", top_level)
    print("  injected names declared:", sorted(found))
    sys.exit(1)
print(f"hostile schema: {len(top_level)} public declarations, one per generated file, none injected")
PYTHON

# Very long strings: a 1 MB description, a 64 KB enum value and a 1,000-character property name
# generate code that compiles, with every doc-comment line wrapped to the layout width
# (a word longer than the width stays whole). (YAML caps
# implicit keys at 1,024 characters; libyaml rejects longer ones, JSON included, with a diagnostic.)
python3 - "$work/long.yaml" <<'PYTHON'
import json, sys
words = " ".join(f"word{i}" for i in range(150_000))[:1_000_000]
schema = {
    "openapi": "3.0.3",
    "info": {"title": "Long", "version": "1"},
    "paths": {},
    "components": {"schemas": {"Long": {
        "type": "object",
        "description": words,
        "properties": {
            "p" * 1000: {"type": "string", "description": "x" * 200_000},
            "mode": {"type": "string", "enum": ["v" * 65_536, "short"]},
        },
    }}},
}
json.dump(schema, open(sys.argv[1], "w"))
PYTHON
"$specforge" generate "$work/long.yaml" --module Long --output "$work/long" >/dev/null
mapfile -t files < <(find "$work/long" -name '*.swift' | sort)
swiftc -typecheck -module-name Long -swift-version 6 -warnings-as-errors -I "$modules" "${files[@]}"
# A single word longer than the width (a URL, say) stays whole, as swift-format leaves it.
if cat "${files[@]}" | awk '/^ *\/\/\// && length($0) > 120 { text = $0; sub(/^ *\/\/\/ /, "", text); if (text ~ / /) bad = 1 }
    END { exit !bad }'; then
    echo "long strings: a wrappable doc-comment line is wider than 120 columns"
    exit 1
fi
echo "long strings: 1 MB description, 64 KB enum value, 1,000-character name: compiled"
