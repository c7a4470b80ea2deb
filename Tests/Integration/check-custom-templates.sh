#!/usr/bin/env bash
# Usage: check-custom-templates.sh SPECFORGE SCHEMA [CONFIG]
#
# The template contract in use: generates SCHEMA's client with Examples/CustomTemplates (models
# with `let` properties and an extra conformance) and every other template taken from
# Templates/ with `public` lowered to `package`, then type-checks the result in Swift 6 mode
# with warnings as errors.
set -euo pipefail
specforge=$1 schema=$2 config=${3:-Schemas/cvat.yaml}
cd "$(dirname "$0")/../.."
swift build --target SpecforgeRuntime >/dev/null
modules="$(swift build --show-bin-path)/Modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/templates"
for template in Templates/*.mustache; do
    sed 's/\bpublic /package /g' "$template" >"$work/templates/$(basename "$template")"
done
cp Examples/CustomTemplates/*.mustache "$work/templates/"
"$specforge" generate "$schema" --config "$config" --templates "$work/templates" --output "$work/out" --no-cache >/dev/null

# The output is the custom set's: nothing public is left, and models hold constants.
if grep -rh '^ *public ' "$work/out" --include '*.swift' | grep -q .; then
    echo "check-custom-templates: 'public' left in the output" >&2
    exit 1
fi
lets=$(grep -rh '^    package let ' "$work/out/Models" | wc -l)
[ "$lets" -gt 0 ] || { echo "check-custom-templates: no 'package let' property in the models" >&2; exit 1; }

mapfile -t files < <(find "$work/out" -name '*.swift' | sort)
swiftc -typecheck -swift-version 6 -warnings-as-errors -package-name CustomClient -module-name CustomClient \
    -I "$modules" "${files[@]}"
echo "custom templates: ${#files[@]} files with $lets 'package let' properties type-check with warnings as errors"
