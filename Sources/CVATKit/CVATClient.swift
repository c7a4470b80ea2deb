import CVAT
import Foundation
import SpecforgeRuntime

/// The high-level CVAT SDK: a session with a server, its repositories (`tasks`, `projects`,
/// `jobs`, `users`, `organizations`, `issues`, `comments`) and the long operations of the seed's high-level API, on the generated
/// `CVAT` client (reachable as `api`).
///
/// ```swift
/// try await CVATClient.withClient(host: "localhost", port: 8080, credentials: .password("admin", "secret")) { client in
///     let task = try await client.tasks.createFromData(
///         spec: TaskWriteRequest(name: "example", labels: [PatchedLabelRequest(name: "car")]),
///         resources: [URL(fileURLWithPath: "image1.jpg"), URL(fileURLWithPath: "image2.jpg")]
///     )
///     print(task.size)  // 2
/// }
/// ```
public final class CVATClient: Sendable {
    /// The server versions this client is built for: those of its schema, 2.71 and 2.72
    /// (cvat-sdk 2.71's rule, `~= X.Y.0` for its own minor version and the next).
    public static let supportedServerVersions = ["2.71", "2.72"]

    /// The generated low-level client, sharing this client's session, cookies and credentials.
    public let api: ApiClient
    public let config: CVATConfig
    /// The server's URL, `scheme://host[:port]`.
    public var host: URL { api.session.configuration.host }

    /// A client for `url` (`https://cvat.example.com`, `localhost:8080`; without a scheme,
    /// `https`), checking the server's version as `config.serverVersionCheck` says. For a host
    /// without a scheme that should be probed (https, then http), use `connect(host:port:)`.
    public init(
        url: String,
        config: CVATConfig = CVATConfig(),
        transport: any HTTPTransport = URLSessionTransport()
    ) throws {
        self.api = ApiClient(
            configuration: Configuration(
                host: try Self.normalized(url),
                middlewares: [OrganizationHeaderMiddleware()]
            ),
            transport: transport
        )
        self.config = config
    }

    /// Connects to `host`: with a scheme, that URL; without one, `https://host[:port]` if the
    /// server answers there, else `http://host[:port]` (the seed's probing). Checks the server's
    /// version, and logs in when `credentials` are given.
    public static func connect(
        host: String,
        port: Int? = nil,
        credentials: Credentials? = nil,
        config: CVATConfig = CVATConfig(),
        transport: any HTTPTransport = URLSessionTransport()
    ) async throws -> CVATClient {
        var candidates: [String]
        if host.contains("://") {
            candidates = [host]
        } else {
            candidates = ["https://" + host, "http://" + host]
        }
        if let port {
            candidates = try candidates.map { candidate in
                let url = try normalized(candidate)
                guard url.port == nil else {
                    throw CVATError.invalidHost("\(host) already names a port; do not pass port: \(port) too")
                }
                return url.absoluteString + ":\(port)"
            }
        }
        var lastError: (any Error)?
        for (index, candidate) in candidates.enumerated() {
            let client = try CVATClient(url: candidate, config: config, transport: transport)
            do {
                try await client.checkServerVersion()
            } catch let error as APIError where index + 1 < candidates.count && Self.mayTryPlainHTTP(after: error) {
                // No HTTPS server there: try the next scheme.
                lastError = error
                continue
            }
            if let credentials {
                try await client.login(credentials)
            }
            return client
        }
        throw lastError ?? CVATError.invalidHost(host)
    }

    /// Runs `body` with a connected client and logs out afterwards, whatever happens.
    public static func withClient<Result: Sendable>(
        host: String,
        port: Int? = nil,
        credentials: Credentials? = nil,
        config: CVATConfig = CVATConfig(),
        transport: any HTTPTransport = URLSessionTransport(),
        _ body: (CVATClient) async throws -> Result
    ) async throws -> Result {
        let client = try await connect(
            host: host,
            port: port,
            credentials: credentials,
            config: config,
            transport: transport
        )
        do {
            let result = try await body(client)
            try await client.close()
            return result
        } catch {
            try? await client.close()
            throw error
        }
    }

    /// Whether an https attempt failed in a way plain http might not: nothing listening, or
    /// something that does not speak TLS. A certificate the client does not trust is not one —
    /// falling back would send the credentials in the clear to whoever presented it — nor is an
    /// unknown host, a timeout or an answer.
    static func mayTryPlainHTTP(after error: APIError) -> Bool {
        switch error.transportFailure?.kind {
        case .cannotConnect, .secureConnectionFailed, .connectionLost, .other: true
        case .certificateRejected, .hostNotFound, nil: false
        }
    }

    static func normalized(_ url: String) throws -> URL {
        var text = url
        if let range = text.range(of: "://") {
            let scheme = text[..<range.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw CVATError.invalidHost("Invalid url schema '\(scheme)', expected one of <none>, http, https")
            }
        } else {
            text = "https://" + text
        }
        while text.hasSuffix("/") {
            text.removeLast()
        }
        guard let parsed = URL(string: text), parsed.host != nil else {
            throw CVATError.invalidHost(url)
        }
        return parsed
    }

    // MARK: Server version

    /// Reads the server's version and compares it with `supportedServerVersions`: an unsupported
    /// one throws `CVATError.unsupportedServer` when `config.allowUnsupportedServer` is false,
    /// and is reported through `config.warn` otherwise.
    @discardableResult
    public func checkServerVersion() async throws -> String {
        let version = try await api.serverApi.retrieveAbout().body().version
        let minor = version.split(separator: ".").prefix(2).joined(separator: ".")
        if !Self.supportedServerVersions.contains(minor) || version.contains("rc") {
            let message =
                "Server version '\(version)' is not compatible with this client "
                + "(supported: \(Self.supportedServerVersions.joined(separator: ", ")))"
            if !config.allowUnsupportedServer { throw CVATError.unsupportedServer(message) }
            config.warn(message)
        }
        return version
    }

    // MARK: Authentication

    /// Logs in: with a password the server answers with a session (cookies and a CSRF token);
    /// an access token is only stored and sent as `Authorization: Bearer …`.
    public func login(_ credentials: Credentials) async throws {
        if hasCredentials { try await logout() }
        switch credentials {
        case .password(let username, let password):
            _ = try await api.authApi.createLogin(
                loginSerializerExRequest: LoginSerializerExRequest(username: username, password: password)
            )
            guard api.session.cookie(named: "sessionid") != nil, api.session.cookie(named: "csrftoken") != nil else {
                throw CVATError.loginFailed("The server did not start a session")
            }
        case .accessToken(let token):
            api.session.updateConfiguration { $0.accessToken = token }
        }
    }

    public var hasCredentials: Bool {
        api.session.cookie(named: "sessionid") != nil || api.session.cookie(named: "csrftoken") != nil
            || api.session.configuration.accessToken != nil
    }

    /// Ends the session on the server (when there is one) and forgets every credential.
    public func logout() async throws {
        guard hasCredentials else { return }
        if api.session.cookie(named: "sessionid") != nil || api.session.cookie(named: "csrftoken") != nil {
            _ = try await api.authApi.createLogout()
        }
        api.session.removeCookie(named: "sessionid")
        api.session.removeCookie(named: "csrftoken")
        api.session.updateConfiguration { $0.accessToken = nil }
    }

    /// Logs out; the client can log in again afterwards.
    public func close() async throws {
        try await logout()
    }

    // MARK: Organizations

    /// The organization requests are made in (`X-Organization`): `nil` for none, `""` for the
    /// personal workspace.
    public var organizationSlug: String? {
        get { api.session.configuration.defaultHeaders["X-Organization"] }
        set { api.session.updateConfiguration { $0.defaultHeaders["X-Organization"] = newValue } }
    }

    /// Runs `body` in organization `slug`, restoring the previous one afterwards.
    public func withOrganization<Result: Sendable>(
        _ slug: String?,
        _ body: () async throws -> Result
    ) async rethrows -> Result {
        let previous = organizationSlug
        organizationSlug = slug
        defer { organizationSlug = previous }
        return try await body()
    }

    // MARK: Repositories

    public var tasks: TasksRepository { TasksRepository(client: self) }
    public var projects: ProjectsRepository { ProjectsRepository(client: self) }
    public var jobs: JobsRepository { JobsRepository(client: self) }
    public var users: UsersRepository { UsersRepository(client: self) }
    public var organizations: OrganizationsRepository { OrganizationsRepository(client: self) }
    public var issues: IssuesRepository { IssuesRepository(client: self) }
    public var comments: CommentsRepository { CommentsRepository(client: self) }
}

/// How to log in.
public enum Credentials: Sendable {
    case password(String, String)
    /// A personal access token.
    case accessToken(String)
}

/// What the high-level client does on its own.
public struct CVATConfig: Sendable {
    /// When false, an unsupported server version is an error instead of a warning.
    public var allowUnsupportedServer: Bool
    /// The first wait between two polls of a background request; it doubles up to
    /// `maximumStatusCheckPeriod`.
    public var statusCheckPeriod: Duration
    public var maximumStatusCheckPeriod: Duration
    /// How long to wait for a background request before `CVATError.timeout`.
    public var waitTimeout: Duration
    /// Local files up to this size are grouped into bulk requests of at most this size; larger
    /// ones go through TUS (cvat-sdk's `MAX_REQUEST_SIZE`, 100 MiB).
    public var uploadRequestLimit: Int64
    /// The bytes of one TUS `PATCH` (cvat-sdk's `TUS_CHUNK_SIZE`, 10 MiB).
    public var tusChunkSize: Int
    /// Where warnings go (unsupported server); standard error by default.
    public var warn: @Sendable (String) -> Void
    /// Where datasets keep what they download (`TaskDataset`); cvat-sdk's folder by default,
    /// so both share one cache.
    public var cacheFolder: URL

    public init(
        allowUnsupportedServer: Bool = true,
        statusCheckPeriod: Duration = .milliseconds(500),
        maximumStatusCheckPeriod: Duration = .seconds(5),
        waitTimeout: Duration = .seconds(3600),
        uploadRequestLimit: Int64 = 100 << 20,
        tusChunkSize: Int = 10 << 20,
        warn: @escaping @Sendable (String) -> Void = {
            FileHandle.standardError.write(Data(("warning: " + $0 + "\n").utf8))
        },
        cacheFolder: URL = CVATConfig.defaultCacheFolder
    ) {
        self.cacheFolder = cacheFolder
        self.allowUnsupportedServer = allowUnsupportedServer
        self.statusCheckPeriod = statusCheckPeriod
        self.maximumStatusCheckPeriod = maximumStatusCheckPeriod
        self.waitTimeout = waitTimeout
        self.uploadRequestLimit = uploadRequestLimit
        self.tusChunkSize = tusChunkSize
        self.warn = warn
    }
}

/// What the high-level layer reports beyond the low-level `APIError`s, which pass through.
public enum CVATError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidHost(String)
    case unsupportedServer(String)
    case loginFailed(String)
    /// A background request the server marked failed, with the server's message.
    case requestFailed(id: String, message: String)
    /// A background request still unfinished after the configured wait.
    case timeout(id: String, waited: Duration)
    /// A local file that cannot be read.
    case unreadableFile(String)
    /// A download's destination that exists already (it is not overwritten).
    case fileExists(String)
    /// The server answered an upload in a way the protocol does not allow.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .invalidHost(let message): "Invalid host: \(message)"
        case .unsupportedServer(let message): message
        case .loginFailed(let message): "Login failed: \(message)"
        case .requestFailed(let id, let message): "Request \(id) failed: \(message)"
        case .timeout(let id, let waited): "Request \(id) did not finish within \(waited)"
        case .unreadableFile(let message): "Cannot read \(message)"
        case .fileExists(let path): "\(path) exists already"
        case .protocolViolation(let message): message
        }
    }
}
