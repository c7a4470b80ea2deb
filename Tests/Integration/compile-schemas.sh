#!/usr/bin/env bash
# Usage: compile-schemas.sh SPECFORGE SCHEMA...
#
# Generates a client and its reference pages (`--docs`) from each schema, compiles the client
# against the runtime in Swift 6 mode with warnings as errors, then compiles every Swift
# example of the pages against the client the same way. Prints one row per schema; fails if
# any schema fails.
#
# Each compile is one single-threaded front end (`-wmo`), so JOBS of them (default: the number
# of cores) run side by side; the rows are printed in the order the schemas were given.
set -uo pipefail
specforge=$1
shift
cd "$(dirname "$0")/../.."
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

swift build --target SpecforgeRuntime >/dev/null || { echo "cannot build SpecforgeRuntime"; exit 1; }
modules="$(swift build --show-bin-path)/Modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.2f", to - from }'; }

# One schema: generate, compile, and leave its row (and any compiler errors) in $work/N.row.
check() {
    local index=$1 schema=$2
    local name out start generated built summary groups operations types lines result examples
    name=$(basename "$schema")
    out="$work/$index"
    start=$(date +%s.%N)
    if ! summary=$("$specforge" generate "$schema" --module Client --output "$out" --docs "$out.docs" \
        2>"$out.gen.log"); then
        { printf '%-22s %s\n' "$name" "GENERATION FAILED"; cat "$out.gen.log"; } >"$work/$index.row"
        return 1
    fi
    generated=$(date +%s.%N)
    # "27 API groups, 190 operations, 285 types; ..."
    read -r groups operations types <<<"$(sed -E 's/^([0-9]+) API groups, ([0-9]+) operations, ([0-9]+) types.*/\1 \2 \3/' <<<"$summary")"
    lines=$(find "$out" -name '*.swift' -exec cat {} + | wc -l)
    mapfile -t files < <(find "$out" -name '*.swift' | sort)
    # A whole-module debug compile to object code: every diagnostic pass runs, as in `swift build`.
    if swiftc -c -wmo -Onone -parse-as-library -swift-version 6 -warnings-as-errors -module-name Client \
        -emit-module -emit-module-path "$out.module/Client.swiftmodule" \
        -I "$modules" "${files[@]}" -o "$out.o" >"$out.build.log" 2>&1; then
        result=ok
        # The pages' examples, as a user would write them: importing the client.
        if ! examples=$(Tests/Integration/extract-doc-examples.py "$out.docs" "$out.examples.swift" 2>&1) ||
            ! swiftc -c -wmo -Onone -parse-as-library -swift-version 6 -warnings-as-errors -module-name Examples \
                -I "$modules" -I "$out.module" "$out.examples.swift" -o "$out.examples.o" >>"$out.build.log" 2>&1; then
            result="EXAMPLES FAILED"
            echo "$examples" >>"$out.build.log"
        fi
    else
        result=FAILED
    fi
    built=$(date +%s.%N)
    {
        printf '%-22s %7s %11s %6s %7s %8s %9s %9s  %s\n' "$name" "$groups" "$operations" "$types" "$lines" \
            "${examples:-0}" "$(elapsed "$start" "$generated")" "$(elapsed "$generated" "$built")" "$result"
        if [ "$result" != ok ]; then grep -E "error|warning" "$out.build.log" | head -20; fi
    } >"$work/$index.row"
    rm -rf "$out" "$out.o" "$out.docs" "$out.module" "$out.examples.swift" "$out.examples.o"
    [ "$result" = ok ]
}

printf '%-22s %7s %11s %6s %7s %8s %9s %9s  %s\n' schema groups operations types lines examples "gen (s)" \
    "build (s)" result
failed=0
index=0
declare -A running=()
for schema in "$@"; do
    while [ "${#running[@]}" -ge "$jobs" ]; do
        wait -n -p finished || failed=1
        unset "running[$finished]"
    done
    check "$index" "$schema" &
    running[$!]=1
    index=$((index + 1))
done
while [ "${#running[@]}" -gt 0 ]; do
    wait -n -p finished || failed=1
    unset "running[$finished]"
done
for ((i = 0; i < index; i++)); do cat "$work/$i.row"; done
if [ "$failed" = 0 ]; then echo "compile sweep: every schema compiled cleanly"; else echo "compile sweep: FAILED"; fi
exit "$failed"
