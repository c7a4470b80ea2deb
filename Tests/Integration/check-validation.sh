#!/usr/bin/env bash
# Usage: check-validation.sh SPECFORGE
#
# Client-side validation from a schema fragment to a refused call: generates the client of
# Tests/Integration/Validation/openapi.yaml (every constraint kind, on properties, through
# references and allOf, in nested models, on parameters; the exact rules its Swift is written
# with are snippet 76 of Tests/Snippets/Snippets.md), builds it with Validation/main.swift (Swift 6, warnings as errors) and runs it
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

# The Swift each constraint becomes is snippet 76 (Tests/Snippets/Snippets.md).
run_against_loopback_server Tests/Integration/Validation/server.py "$work/validation"
