#!/usr/bin/env bash
# Usage: check-plugin.sh PACKAGE   (a package whose TaskBoardClient target uses SpecforgePlugin)
#
# Builds and tests the package, then checks what the build-tool plugin promises:
#   1. a second `swift build` with nothing changed neither regenerates nor recompiles;
#   2. a change to the document regenerates, rewrites only the shards whose declarations
#      changed, and recompiles those;
#   3. an error in the document fails the build with a located diagnostic (file:line:col);
#   4. the command plugin's committed output (StatusClient) is up to date.
# The document is restored on exit, whatever happens.
set -euo pipefail
cd "$1"
document=Sources/TaskBoardClient/openapi.yaml
saved=$(mktemp)
cp "$document" "$saved"
trap 'cp "$saved" "$document"; rm -f "$saved"' EXIT

seconds() { date +%s.%N; }
elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'; }
fail() { echo "check-plugin: $*" >&2; exit 1; }

start=$(seconds)
log=$(swift build --build-tests 2>&1) || fail "the package does not build: $(grep -E "error:" <<<"$log" | head -20)$(tail -5 <<<"$log")"
tail -1 <<<"$log"
built=$(seconds)
swift test --skip-build 2>&1 | grep -E "Executed|error|failed" | tail -3
echo "example: built in $(elapsed "$start" "$built") s (generator, runtime, client, tests), tests passed"

generated() { find .build/plugins -path '*SpecforgePlugin*' -name '*.swift' -type f | sort; }
[ "$(generated | wc -l)" = 5 ] || fail "expected ApiClient.swift and 4 shards, found: $(generated)"
snapshot() { generated | xargs stat -c '%n %Y.%y' | sort; }

# 1. Nothing changed: nothing is regenerated or recompiled. (`swift test` plans the build
# differently, so the build after it runs the plugin's command once more; the generator then
# rewrites nothing. Builds after builds are what this checks.)
swift build --build-tests >/dev/null 2>&1
before=$(snapshot)
start=$(seconds)
log=$(swift build --build-tests 2>&1)
echo "no-op build: $(elapsed "$start" "$(seconds)") s"
if grep -E "Generating|Compiling TaskBoardClient" <<<"$log"; then fail "an unchanged build regenerated or recompiled"; fi
[ "$before" = "$(snapshot)" ] || fail "an unchanged build touched generated files"

# 2. One schema added: regenerated, only its shard rewritten, and only that shard and the
# files that use a type it declares recompiled. (Swift recompiles the users of a changed
# file's top-level names; a file using none of them must not be compiled again.)
cat >>"$document" <<'YAML'
    Label:
      type: object
      required: [name]
      properties:
        name: {type: string}
YAML
start=$(seconds)
log=$(swift build --build-tests 2>&1)
echo "build after adding a schema: $(elapsed "$start" "$(seconds)") s"
grep -q "Generating the TaskBoardClient client" <<<"$log" || fail "a changed document was not regenerated: $log"
changed=$(diff <(echo "$before") <(snapshot) | grep -c '^>' || true)
[ "$changed" = 1 ] || fail "expected one rewritten shard, found $changed: $(diff <(echo "$before") <(snapshot))"
compiled=$(grep -E "Compiling TaskBoardClient" <<<"$log" || true)
echo "recompiled: ${compiled:-nothing}"
grep -qE "Compiling TaskBoardClient .*Shard" <<<"$compiled" || fail "the changed shard was not recompiled"
changed_file=$( (diff <(echo "$before") <(snapshot) || true) | grep '^>' | awk '{print $2}')
declared=$(grep -hoE '^public (struct|enum) [A-Za-z0-9_]+' "$changed_file" | awk '{print $3}' | paste -sd'|')
for file in $(grep -oE "Compiling TaskBoardClient [A-Za-z0-9_]+\.swift" <<<"$compiled" | awk '{print $3}'); do
    [ "$file" = "$(basename "$changed_file")" ] && continue
    path=$( { generated; find Sources/TaskBoardClient -name '*.swift'; } | grep "/$file$" | head -1)
    grep -qwE "$declared" "$path" || fail "$file was recompiled but uses no type of the changed shard ($declared)"
done
untouched=$(( $(generated | wc -l) + 1 - $(grep -cE "Compiling TaskBoardClient " <<<"$compiled") ))
[ "$untouched" -gt 0 ] || fail "every file was recompiled"

# 3. An error in the document: a located build error, and the build fails.
cp "$saved" "$document"
sed -i 's/      enum: \[todo, doing, done\]/      type: 7/' "$document"
if log=$(swift build --build-tests 2>&1); then fail "a broken document built"; fi
grep -E "openapi.yaml:[0-9]+:[0-9]+: error: " <<<"$log" || fail "no located diagnostic in: $log"
cp "$saved" "$document"
swift build --build-tests 2>&1 | tail -1

# 4. The command plugin: the committed StatusClient is what it generates; the build-plugin
#    target is left alone.
log=$(swift package check-client 2>&1) || fail "check-client: $log"
grep -A1 "^StatusClient:" <<<"$log"
if grep -q "^TaskBoardClient:" <<<"$log"; then fail "the command plugin wrote the build plugin's target"; fi
# 5. A hand edit is drift: check-client fails and names the file; generate-client repairs it.
client=Sources/StatusClient/Generated/ApiClient.swift
echo "// edited" >>"$client"
if log=$(swift package check-client --target StatusClient 2>&1); then fail "check-client passed a drifted client"; fi
grep -q "changed: .*ApiClient.swift" <<<"$log" || fail "check-client did not name the drifted file: $log"
swift package --allow-writing-to-package-directory generate-client --target StatusClient >/dev/null
if grep -q "// edited" "$client"; then fail "generate-client did not repair the drifted file"; fi

# 6. A folder of Sources/ with a document but no Swift file is not a target: the command says so.
mkdir -p Sources/Orphan
cp Sources/StatusClient/openapi.yaml Sources/Orphan/
log=$(swift package check-client --target Orphan 2>&1 || true)
rm -rf Sources/Orphan
grep -q "Sources/Orphan holds an OpenAPI document but no Swift file" <<<"$log" || fail "no clear error for a target without a Swift file: $log"
echo "plugin checks: passed"
