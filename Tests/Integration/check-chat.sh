#!/usr/bin/env bash
# Usage: check-chat.sh SPECFORGE
#
# What a newcomer hit on a large OpenAPI 3.1 document, reproduced on Schemas/chat.yaml (a
# document of specforge's own: no tags, enums as `oneOf` of titled constants, a message sent as
# JSON or as a multipart form with files): generates its client under --strict, builds it with
# Tests/Integration/Chat/main.swift (Swift 6, warnings as errors) and runs it against
# Tests/Integration/Chat/server.py on 127.0.0.1, which checks every request byte. Also checks
# the groups the paths give and that the enums are enums, not unions of one-value structs.
set -euo pipefail
specforge=$1
cd "$(dirname "$0")/../.."
source Tests/Integration/client-program.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SUPPORT_SOURCES=Tests/Integration/LoopbackScenario.swift
build_client_program "$specforge" Schemas/chat.yaml Tests/Integration/Chat/main.swift "$work/chat" --strict
apis=$(cd "$work/chat.client/APIs" && ls | sort | paste -sd' ')
[ "$apis" = "ChannelsApi.swift GuildsApi.swift UsersApi.swift" ] || { echo "groups from paths: $apis" >&2; exit 1; }
for enum in PremiumTypes ChannelTypes AvailableLocalesEnum; do
    grep -q "^public struct $enum: OpenEnum" "$work/chat.client/Models/$enum.swift" || { echo "$enum is not an enum" >&2; exit 1; }
done

run_against_loopback_server Tests/Integration/Chat/server.py "$work/chat"
