#!/usr/bin/env bash
# Usage: check-keywords.sh SPECFORGE
#
# Every Swift keyword and contextual keyword in every position a generated client names
# something (Tests/Integration/Keywords/make-document.py): the client and the Swift examples of
# its reference pages compile in Swift 6 mode with warnings as errors, so each name is escaped
# exactly where Swift requires it — `` `for` `` in a declaration, bare `for:` as an argument
# label at a call site, where backticks are a warning.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tests/Integration/Keywords/make-document.py >"$work/keywords.json"
"$specforge" generate "$work/keywords.json" --output "$work/client" --docs "$work/docs" --module Keywords \
    --no-cache --strict >/dev/null
swift build --target SpecforgeRuntime >/dev/null
bin=$(swift build --show-bin-path)
mkdir -p "$work/modules"
mapfile -t files < <(find "$work/client" -name '*.swift' | sort)
swiftc -emit-module -emit-module-path "$work/modules/Keywords.swiftmodule" -parse-as-library -swift-version 6 \
    -warnings-as-errors -module-name Keywords -I "$bin/Modules" "${files[@]}"
cp -R "$bin/Modules/SpecforgeRuntime.swiftmodule" "$work/modules/"
Tests/Integration/check-doc-examples.sh "$work/docs" "$work/modules" >/dev/null
# A caller reading a deprecated property is warned; the module itself compiled without a warning.
cat >"$work/caller.swift" <<'SWIFT'
import Keywords
func read(_ thing: Thing) -> String? { thing.borrowing }
SWIFT
warnings=$(swiftc -typecheck -swift-version 6 -I "$work/modules" "$work/caller.swift" 2>&1 || true)
grep -q "'borrowing' is deprecated" <<<"$warnings" || { echo "no deprecation warning for a caller: $warnings" >&2; exit 1; }
echo "keywords: every keyword as a property, enum value, title, union case, parameter, operation and server" \
    "variable: the client (${#files[@]} files) and its page examples compile with warnings as errors"
