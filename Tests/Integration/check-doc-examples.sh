#!/usr/bin/env bash
# Usage: check-doc-examples.sh DOCS_DIR MODULES_DIR
#
# Compiles every Swift example of the reference pages in DOCS_DIR (`specforge generate
# --docs`) against the modules in MODULES_DIR (the client and SpecforgeRuntime), in Swift 6
# mode with warnings as errors, as a user's code that imports the client.
set -euo pipefail
docs=$1 modules=$2
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=$(Tests/Integration/extract-doc-examples.py "$docs" "$work/Examples.swift")
swiftc -c -wmo -Onone -parse-as-library -swift-version 6 -warnings-as-errors -module-name Examples \
    -I "$modules" "$work/Examples.swift" -o "$work/Examples.o"
echo "doc examples: the $count examples of $docs compile with warnings as errors"
