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
source Tests/Integration/client-program.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_client_program "$specforge" Tests/Integration/Unions/unions.yaml Tests/Integration/Unions/main.swift "$work/unions"
models=$work/unions.client/Models
grep -q '^public indirect enum Node: APIModel' "$models/Node.swift" || { echo "Node is not indirect" >&2; exit 1; }
for union in ChatRequestMessage StatusOrError; do
    grep -q "^public enum $union: APIModel" "$models/$union.swift" || { echo "$union is indirect" >&2; exit 1; }
done
"$work/unions"
