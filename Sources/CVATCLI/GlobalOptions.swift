import ArgumentParser
import CVAT
import CVATKit
import Foundation
import SpecforgeAsyncHTTPClient
import SpecforgeRuntime

/// The options every command takes, before or after the command's name — cvat-cli's
/// `configure_client_auth_arguments`.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Allows to disable SSL certificate check")
    var insecure = false

    @Option(
        help: ArgumentHelp(
            """
            User and password to use for authentication; supports the PASS environment variable \
            or a password prompt. A Personal Access Token (PAT) can be supplied via the \
            CVAT_ACCESS_TOKEN environment variable, or saved as a profile.
            """,
            valueName: "USER[:PASS]"
        )
    )
    var auth: String?

    @Option(
        name: .customLong("server-host"),
        help: "host (default: the active profile, default_server, or http://localhost)"
    )
    var serverHost: String?

    @Option(name: .customLong("server-port"), help: "port (default: 80 for http and 443 for https connections)")
    var serverPort: Int?

    @Option(
        name: [.customLong("organization"), .customLong("org")],
        help: ArgumentHelp(
            """
            short name (slug) of the organization to use when listing or creating resources; \
            set to blank string to use the personal workspace
            """,
            valueName: "SLUG"
        )
    )
    var organization: String?

    @Option(
        help: ArgumentHelp(
            "use a saved profile (server + credential). Mutually exclusive with --server-host/--server-port/--auth.",
            valueName: "NAME"
        )
    )
    var profile: String?

    @Flag(help: "show debug output")
    var debug = false
}

/// A command that talks to a server: it gets a logged-in client, as cvat-cli's `build_client`
/// makes one — the URL (`--server-host`/`--server-port`, a profile, the saved default server
/// or `http://localhost`), the credentials (a profile's token, `--auth USER[:PASS]` with `PASS`
/// or a prompt, `CVAT_ACCESS_TOKEN`, or the current user with a prompt), the login, the
/// organization, then the version check (a warning for an unsupported server).
protocol ClientCommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    /// `--completion_verification_period`, for the commands that take it: the seconds between
    /// two polls of a background request (cvat-cli's fixed period; cvat-sdk's 5 s otherwise).
    var statusCheckPeriod: Double { get }
    func run(client: CVATClient) async throws
}

extension ClientCommand {
    var statusCheckPeriod: Double { 5 }

    mutating func run() async throws {
        Log.showsDebug = global.debug
        let transport = try AsyncHTTPClientTransport(tls: TLSOptions(insecureHosts: global.insecure ? ["*"] : []))
        do {
            let period = Duration.milliseconds(Int64((max(statusCheckPeriod, 0.001) * 1000).rounded()))
            let client = try await ClientFactory(options: global, transport: transport, statusCheckPeriod: period)
                .connect()
            try await run(client: client)
            try await transport.shutdown()
        } catch {
            try? await transport.shutdown()
            throw CommandFailure.describing(error)
        }
    }
}

struct ClientFactory {
    static let defaultServer = "http://localhost"
    let options: GlobalOptions
    let transport: any HTTPTransport
    let statusCheckPeriod: Duration
    var environment = ProcessInfo.processInfo.environment

    func connect() async throws -> CVATClient {
        let store = AuthStore()
        if options.profile != nil, options.serverHost != nil || options.serverPort != nil || options.auth != nil {
            throw CommandFailure("--profile is mutually exclusive with --server-host/--server-port/--auth.")
        }
        let token = environment["CVAT_ACCESS_TOKEN"]
        let explicitHost = options.serverHost != nil || options.serverPort != nil
        let explicitCredentials = options.auth != nil || token != nil
        var profile: AuthStore.Profile?
        if let name = options.profile {
            guard let named = try store.profile(named: name) else { throw CommandFailure("Unknown profile '\(name)'.") }
            profile = named
        } else if !explicitHost, !explicitCredentials {
            profile = try store.defaultProfile()
        }
        let client: CVATClient
        if let profile {
            client = try makeClient(profile.server)
            try await client.login(.accessToken(profile.token))
        } else {
            client = try makeClient(try serverURL(store: store, explicitHost: explicitHost))
            try await client.login(try credentials(for: client.host.absoluteString))
        }
        if let organization = options.organization {
            client.organizationSlug = organization
        }
        try await client.checkServerVersion()
        return client
    }

    private func makeClient(_ url: String) throws -> CVATClient {
        let client = try CVATClient(
            url: url,
            config: CVATConfig(
                statusCheckPeriod: statusCheckPeriod,
                maximumStatusCheckPeriod: statusCheckPeriod,
                warn: { Log.warning($0) }
            ),
            transport: transport
        )
        if options.debug {
            client.api.session.updateConfiguration { $0.middlewares.append(DebugMiddleware()) }
        }
        return client
    }

    private func serverURL(store: AuthStore, explicitHost: Bool) throws -> String {
        guard explicitHost else { return try store.defaultServer() ?? Self.defaultServer }
        var url = try options.serverHost ?? store.defaultServer() ?? Self.defaultServer
        while url.hasSuffix("/") { url.removeLast() }
        if let port = options.serverPort {
            let parsed = URLComponents(string: url.contains("://") ? url : "https://" + url)
            if parsed?.port != nil {
                throw CommandFailure(
                    "A server URL with a port and '--server-port' cannot be used together. Please specify only one port."
                )
            }
            url += ":\(port)"
        }
        return url
    }

    /// `--auth USER[:PASS]` (the password from `PASS`, else asked), else `CVAT_ACCESS_TOKEN`,
    /// else the current user and a prompt — cvat-cli's order.
    private func credentials(for url: String) throws -> Credentials {
        if let auth = options.auth {
            return try password(for: auth, at: url)
        }
        if let token = environment["CVAT_ACCESS_TOKEN"] {
            return .accessToken(token)
        }
        return try password(for: NSUserName(), at: url)
    }

    private func password(for auth: String, at url: String) throws -> Credentials {
        let user = String(auth.prefix { $0 != ":" })
        var password = auth.contains(":") ? String(auth.drop { $0 != ":" }.dropFirst()) : ""
        if password.isEmpty { password = environment["PASS"] ?? "" }
        if password.isEmpty { password = try PasswordPrompt.ask("Password for \(user) at \(url): ") }
        return .password(user, password)
    }
}

extension CommandFailure {
    /// The line a failure is reported as: the server's message for an error status, the
    /// description otherwise.
    static func describing(_ error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let error as APIError:
            if let status = error.statusCode {
                let body = String(decoding: error.response?.body ?? Data(), as: UTF8.self)
                return CommandFailure("Status Code: \(status), server says: \(body.isEmpty ? "(no body)" : body)")
            }
            return CommandFailure("\(error)")
        default:
            return CommandFailure("\(error)")
        }
    }
}
