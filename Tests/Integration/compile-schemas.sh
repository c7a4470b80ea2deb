#!/usr/bin/env bash
# Usage: compile-schemas.sh SPECFORGE SCHEMA...
#
# Generates a client from each schema and compiles it against the runtime in Swift 6 mode
# with warnings as errors. Prints one row per schema; fails if any schema fails.
set -uo pipefail
specforge=$1
shift
cd "$(dirname "$0")/../.."

swift build --target SpecforgeRuntime >/dev/null || { echo "cannot build SpecforgeRuntime"; exit 1; }
modules="$(swift build --show-bin-path)/Modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.2f", to - from }'; }

failed=0
printf '%-22s %7s %11s %6s %7s %9s %9s  %s\n' schema groups operations types lines "gen (s)" "build (s)" result
for schema in "$@"; do
    name=$(basename "$schema")
    out="$work/${name%.*}"
    start=$(date +%s.%N)
    if ! summary=$("$specforge" generate "$schema" --module Client --output "$out" 2>"$work/gen.log"); then
        printf '%-22s %s\n' "$name" "GENERATION FAILED"; cat "$work/gen.log"; failed=1; continue
    fi
    generated=$(date +%s.%N)
    # "27 API groups, 190 operations, 285 types; ..."
    read -r groups operations types <<<"$(sed -E 's/^([0-9]+) API groups, ([0-9]+) operations, ([0-9]+) types.*/\1 \2 \3/' <<<"$summary")"
    lines=$(find "$out" -name '*.swift' -exec cat {} + | wc -l)
    mapfile -t files < <(find "$out" -name '*.swift' | sort)
    # A whole-module debug compile to object code: every diagnostic pass runs, as in `swift build`.
    if swiftc -c -wmo -Onone -parse-as-library -swift-version 6 -warnings-as-errors -module-name Client \
        -I "$modules" "${files[@]}" -o "$work/client.o" >"$work/build.log" 2>&1; then
        result=ok
    else
        result=FAILED; failed=1
    fi
    built=$(date +%s.%N)
    printf '%-22s %7s %11s %6s %7s %9s %9s  %s\n' "$name" "$groups" "$operations" "$types" "$lines" \
        "$(elapsed "$start" "$generated")" "$(elapsed "$generated" "$built")" "$result"
    if [ "$result" != ok ]; then grep -E "error|warning" "$work/build.log" | head -20; fi
done
if [ "$failed" = 0 ]; then echo "compile sweep: every schema compiled cleanly"; else echo "compile sweep: FAILED"; fi
exit "$failed"
