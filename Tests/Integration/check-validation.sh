#!/usr/bin/env bash
# Usage: check-validation.sh SPECFORGE
#
# Client-side validation from a schema fragment to a refused call: generates the client of
# Tests/Integration/Validation/openapi.yaml (every constraint kind, on properties, through
# references and allOf, in nested models, on parameters), checks the exact rules written into
# its Swift, builds it with Validation/main.swift (Swift 6, warnings as errors) and runs it
# against Validation/server.py, which records what arrives: each broken constraint is refused
# with cvat-sdk's message and nothing sent, and sent once its check is switched off.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
source Tests/Integration/client-program.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SUPPORT_SOURCES=Tests/Integration/LoopbackScenario.swift
build_client_program "$specforge" Tests/Integration/Validation/openapi.yaml Tests/Integration/Validation/main.swift \
    "$work/validation" --strict

# The Swift each construct becomes.
expect() {
    grep -qF -- "$2" "$work/validation.client/$1" || { echo "$1 lacks: $2" >&2; exit 1; }
}
expect Models/Probe.swift 'ModelField("name", \.name, rules: [.maxLength(5), .minLength(2)]),'
expect Models/Probe.swift 'ModelField("code", \.code, rules: [.maxLength(8), .pattern("^\\w+$")]),'
expect Models/Probe.swift 'ModelField("title", \.title, rules: [.maxLength(4), .pattern("^\\w+$")]),'
expect Models/Probe.swift 'ModelField("count", \.count, rules: [.minimum(1), .maximum(10), .multipleOf(2)]),'
expect Models/Probe.swift 'ModelField("ratio", \.ratio, rules: [.exclusiveMinimum(0), .exclusiveMaximum(1)]),'
expect Models/Probe.swift 'ModelField("legacy_ratio", \.legacyRatio, rules: [.exclusiveMinimum(0)]),'
expect Models/Probe.swift 'ModelField("tags", \.tags, rules: [.maxItems(3), .minItems(1), .uniqueItems]),'
expect Models/Probe.swift 'ModelField("labels", \.labels, rules: [.maxProperties(2), .minProperties(1)]),'
expect Models/Probe.swift 'ModelField("children", \.children, rules: [.maxItems(2), .nested]),'
expect Models/Probe.swift 'ModelField("parent", \.parent, rules: [.nested]),'
expect Models/Probe.swift 'ModelField("misplaced", \.misplaced)'
expect APIs/ProbesApi.swift '.init("slug", in: .path, type: "String", required: true, rules: [.pattern("^[a-z0-9-]+$")])'
expect APIs/ProbesApi.swift '.init("page_size", in: .query, type: "Int?", rules: [.minimum(1), .maximum(100)])'

run_against_loopback_server Tests/Integration/Validation/server.py "$work/validation"
