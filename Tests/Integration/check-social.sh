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
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
build_client_program "$specforge" Schemas/social.yaml Tests/Integration/Social/main.swift "$work/social" \
    --config Schemas/social.specforge.yaml --strict

python3 Tests/Integration/Social/server.py >"$work/port" &
server=$!
for _ in $(seq 100); do
    grep -q '^PORT ' "$work/port" && break
    sleep 0.1
done
port=$(sed -n 's/^PORT //p' "$work/port")
[ -n "$port" ] || { echo "server.py did not start" >&2; exit 1; }
"$work/social" "$port"
