#!/usr/bin/env bash
# Usage: check-unions.sh SPECFORGE
#
# Generates the client of Tests/Integration/Unions/unions.yaml, builds it with
# Tests/Integration/Unions/main.swift against the debug SpecforgeRuntime (Swift 6, warnings
# as errors) and runs it: discriminators read from `enum`/`const`, unknown discriminator
# values kept and re-encoded, decoding failures that name each alternative's cause, a
# recursive union. Also checks that only the recursive union is `indirect`.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
swift build --target SpecforgeRuntime >/dev/null
bin=$(swift build --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$specforge" generate Tests/Integration/Unions/unions.yaml --output "$work/out" --no-cache >/dev/null
grep -q '^public indirect enum Node: APIModel' "$work/out/Models/Node.swift" || { echo "Node is not indirect" >&2; exit 1; }
for union in ChatRequestMessage StatusOrError; do
    grep -q "^public enum $union: APIModel" "$work/out/Models/$union.swift" || { echo "$union is indirect" >&2; exit 1; }
done
mapfile -t files < <(find "$work/out" -name '*.swift' | sort)
swiftc -swift-version 6 -warnings-as-errors -module-name Unions -I "$bin/Modules" \
    Tests/Integration/Unions/main.swift "${files[@]}" "$bin"/SpecforgeRuntime.build/*.o -o "$work/unions"
"$work/unions"
