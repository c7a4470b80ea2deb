# Sourced by check-unions.sh and check-social.sh, from the repository's root.
#
# build_client_program SPECFORGE DOCUMENT MAIN PROGRAM [GENERATE-OPTION...]
# Generates the client of DOCUMENT (with the options given) and builds it with MAIN into the
# executable PROGRAM, against the debug SpecforgeRuntime, in Swift 6 mode with warnings as
# errors. The generated sources are left beside PROGRAM, in PROGRAM.client. Swift files named in
# SUPPORT_SOURCES (space-separated) are compiled in too.
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
        "$main" ${SUPPORT_SOURCES:-} "${files[@]}" "$bin"/SpecforgeRuntime.build/*.o -o "$program"
}

# run_against_loopback_server SERVER PROGRAM
# Starts the Python loopback server SERVER (which prints "PORT <n>"), runs PROGRAM with that
# port, and stops the server, whatever happens; PROGRAM's exit status is the result.
run_against_loopback_server() {
    local server_script=$1 program=$2
    local ports
    ports=$(mktemp)
    python3 "$server_script" >"$ports" &
    local server=$!
    local port=
    for _ in $(seq 100); do
        port=$(sed -n 's/^PORT //p' "$ports")
        [ -n "$port" ] && break
        sleep 0.1
    done
    rm -f "$ports"
    if [ -z "$port" ]; then
        kill "$server" 2>/dev/null || true
        echo "$server_script did not start" >&2
        return 1
    fi
    local status=0
    "$program" "$port" || status=$?
    kill "$server" 2>/dev/null || true
    return "$status"
}
