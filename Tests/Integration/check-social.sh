#!/usr/bin/env bash
# Usage: check-social.sh SPECFORGE
#
# The newcomer's experience, reproduced: generates the client of Schemas/social.yaml (a document
# of specforge's own with oneOf bodies, a Link-header paginated list, a cursor-paginated list, a
# templated server and OAuth2) with Schemas/social.specforge.yaml, under --strict, builds it with
# Tests/Integration/Social/main.swift (Swift 6, warnings as errors) and runs it against
# Tests/Integration/Social/server.py on 127.0.0.1.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
source Tests/Integration/client-program.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SUPPORT_SOURCES=Tests/Integration/LoopbackScenario.swift
build_client_program "$specforge" Schemas/social.yaml Tests/Integration/Social/main.swift "$work/social" \
    --config Schemas/social.specforge.yaml --strict

run_against_loopback_server Tests/Integration/Social/server.py "$work/social"
