# Sourced by check-unions.sh and check-social.sh, from the repository's root.
#
# build_client_program SPECFORGE DOCUMENT MAIN PROGRAM [GENERATE-OPTION...]
# Generates the client of DOCUMENT (with the options given) and builds it with MAIN into the
# executable PROGRAM, against the debug SpecforgeRuntime, in Swift 6 mode with warnings as
# errors. The generated sources are left beside PROGRAM, in PROGRAM.client.
build_client_program() {
    local specforge=$1 document=$2 main=$3 program=$4
    shift 4
    swift build --target SpecforgeRuntime >/dev/null
    local bin
    bin=$(swift build --show-bin-path)
    "$specforge" generate "$document" --output "$program.client" --no-cache "$@" >/dev/null
    local files
    mapfile -t files < <(find "$program.client" -name '*.swift' | sort)
    swiftc -swift-version 6 -warnings-as-errors -module-name "$(basename "$program")" -I "$bin/Modules" \
        "$main" "${files[@]}" "$bin"/SpecforgeRuntime.build/*.o -o "$program"
}
