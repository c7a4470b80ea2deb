import ArgumentParser
import Foundation

/// `cvat config …`: the tool's local settings, in cvat-sdk's `auth.json`.
struct ConfigCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Manage local CVAT CLI configuration.",
        subcommands: [ConfigDefaultServer.self]
    )

    @OptionGroup var global: GlobalOptions
}

/// `config default-server [SERVER] [--unset]`: prints, saves or forgets the server used when
/// no `--server-host` is given.
struct ConfigDefaultServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default-server",
        abstract: """
            Print, set, or unset the default server used by the non-profile credential paths \
            (--auth, CVAT_ACCESS_TOKEN, prompt).
            """
    )

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "server URL to remember") var server: String?
    @Flag(help: "clear the saved default server") var unset = false

    func run() async throws {
        let store = AuthStore()
        if unset, server != nil {
            throw CommandFailure("Cannot combine a server value with --unset.")
        }
        if unset {
            try store.setDefaultServer(nil)
            print("Default server cleared.")
        } else if let server {
            guard !server.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("Default server cannot be empty. Use --unset to clear it.")
            }
            try store.setDefaultServer(server)
            print("Default server is now '\(server)'.")
        } else {
            print(try store.defaultServer() ?? "(no default server set)")
        }
    }
}
