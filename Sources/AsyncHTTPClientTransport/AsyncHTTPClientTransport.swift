import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SpecforgeRuntime

/// An `HTTPTransport` on AsyncHTTPClient (SwiftNIO): the transport for server-side Swift on
/// Linux, where `URLSession` comes from FoundationNetworking. Bodies stream both ways, and
/// every `TLSOptions` and `ProxyOptions` setting is honoured.
///
/// ```swift
/// let transport = AsyncHTTPClientTransport(tls: TLSOptions(insecureHosts: ["cvat.local"]))
/// let client = ApiClient(configuration: configuration, transport: transport)
/// …
/// try await transport.shutdown()
/// ```
///
/// A transport made from options owns its `HTTPClient` (and its connection pool): call
/// `shutdown()` when done; one left running is shut down when the transport goes away.
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let direct: HTTPClient
    private let proxied: HTTPClient?
    private let proxy: ProxyOptions?
    private let tls: TLSOptions
    /// Per-request settings for the hosts in `tls.insecureHosts`.
    private let insecureTLS: TLSConfiguration
    private let ownsClients: Bool
    private let shutDown = ManagedFlag()

    /// A transport with clients of its own.
    ///
    /// - Parameters:
    ///   - tls: Certificate verification, trusted authorities, a client certificate.
    ///   - proxy: An HTTP proxy and the hosts that bypass it.
    ///   - connectTimeout: How long establishing a connection may take.
    ///   - maxConnectionsPerHost: Concurrent connections to one host (HTTP/1.1).
    public init(
        tls: TLSOptions = TLSOptions(),
        proxy: ProxyOptions? = nil,
        connectTimeout: Duration = .seconds(10),
        maxConnectionsPerHost: Int = 8
    ) throws {
        let tlsConfiguration = try Self.tlsConfiguration(tls)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tlsConfiguration,
            timeout: HTTPClient.Configuration.Timeout(connect: .nanoseconds(connectTimeout.nanoseconds))
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = maxConnectionsPerHost
        self.direct = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        if let proxy {
            configuration.proxy = try Self.proxy(proxy)
            self.proxied = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        } else {
            self.proxied = nil
        }
        self.proxy = proxy
        self.tls = tls
        var insecure = tlsConfiguration
        insecure.certificateVerification = .none
        self.insecureTLS = insecure
        self.ownsClients = true
    }

    /// A transport on an `HTTPClient` the caller owns and shuts down (`HTTPClient.shared`, for
    /// one): its configuration decides TLS and proxies.
    public init(client: HTTPClient) {
        self.direct = client
        self.proxied = nil
        self.proxy = nil
        self.tls = TLSOptions()
        var insecure = TLSConfiguration.makeClientConfiguration()
        insecure.certificateVerification = .none
        self.insecureTLS = insecure
        self.ownsClients = false
    }

    deinit {
        guard ownsClients, shutDown.set() else { return }
        // Without waiting: a deinit cannot, and may even run on an event loop.
        direct.shutdown { _ in }
        proxied?.shutdown { _ in }
    }

    /// Closes the connections of the clients this transport made; later requests fail.
    public func shutdown() async throws {
        guard ownsClients, shutDown.set() else { return }
        try await direct.shutdown()
        try await proxied?.shutdown()
    }

    // MARK: HTTPTransport

    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        try await run(timeout) { deadline in
            let response = try await self.execute(request, deadline: deadline)
            var body = Data()
            for try await buffer in response.body {
                body.append(contentsOf: buffer.readableBytesView)
            }
            return Self.response(response, body: body)
        }
    }

    public func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        try await run(timeout) { deadline in
            let response = try await self.execute(request, deadline: deadline)
            let partial = destination.appendingPathExtension("part-\(UUID().uuidString.prefix(8))")
            guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
                throw APIError.transport(.other, "Cannot write \(partial.path)")
            }
            do {
                let handle = try FileHandle(forWritingTo: partial)
                defer { try? handle.close() }
                for try await buffer in response.body {
                    try handle.write(contentsOf: Data(buffer.readableBytesView))
                }
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.moveItem(at: partial, to: destination)
            } catch {
                try? FileManager.default.removeItem(at: partial)
                throw error
            }
            return Self.response(response, body: Data())
        }
    }

    /// The timeout bounds the wait for the response head only: an event stream may last hours.
    public func stream(_ request: HTTPRequest, timeout: Duration?) async throws -> (HTTPResponse, ResponseBodyStream) {
        let response = try await run(timeout) { deadline in
            try await self.execute(request, deadline: deadline)
        }
        // Pulled from the socket as the reader asks (backpressure); when the reader goes away,
        // AsyncHTTPClient cancels the request and closes the connection.
        let reader = BodyReader(response.body.makeAsyncIterator())
        let chunks = AsyncThrowingStream<Data, any Error>(unfolding: { try await reader.next() })
        return (Self.response(response, body: Data()), ResponseBodyStream(chunks))
    }

    // MARK: Building and sending

    private func execute(_ request: HTTPRequest, deadline: NIODeadline) async throws -> HTTPClientResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        if let body = request.body {
            if let data = body.inMemoryData, body.progress == nil {
                outgoing.body = .bytes(ByteBuffer(bytes: data))
            } else {
                let chunks = body.chunks().map { ByteBuffer(bytes: $0) }
                outgoing.body = .stream(chunks, length: body.length.map { .known($0) } ?? .unknown)
            }
        }
        let host = request.url.host ?? ""
        if !tls.verifies(host: host) {
            outgoing.tlsConfiguration = insecureTLS
        }
        let client = proxied.flatMap { proxy?.isUsed(for: host) == true ? $0 : nil } ?? direct
        return try await client.execute(outgoing, deadline: deadline)
    }

    /// Runs `operation` with a deadline `timeout` from now (none: a day), translating errors.
    private func run<Result: Sendable>(
        _ timeout: Duration?,
        _ operation: @Sendable (NIODeadline) async throws -> Result
    ) async throws -> Result {
        let deadline = NIODeadline.now() + .nanoseconds((timeout ?? .seconds(86_400)).nanoseconds)
        do {
            return try await operation(deadline)
        } catch {
            throw Self.translate(error)
        }
    }

    private static func response(_ response: HTTPClientResponse, body: Data) -> HTTPResponse {
        var headers = SpecforgeRuntime.HTTPHeaders()
        for header in response.headers {
            headers.add(header.name, header.value)
        }
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: body)
    }

    /// Maps AsyncHTTPClient's and SwiftNIO's failures to `APIError`, without the URL (its query
    /// may carry an API key).
    static func translate(_ error: any Error) -> any Error {
        if error is CancellationError || error is APIError { return error }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout:
                return APIError.timeout
            case .cancelled:
                return CancellationError()
            case .remoteConnectionClosed:
                return APIError.transport(TransportFailure(.connectionLost, "\(clientError)", underlying: clientError))
            default:
                return APIError.transport(TransportFailure(.other, "\(clientError)", underlying: clientError))
            }
        }
        let message = String(describing: error)
        return APIError.transport(TransportFailure(kind(of: error, message), message, underlying: error))
    }

    /// What SwiftNIO's and NIOSSL's errors mean: BoringSSL names a certificate it did not trust
    /// (`CERTIFICATE_VERIFY_FAILED`) apart from a handshake with something that is not TLS;
    /// NIOPosix's connection errors carry their DNS failures.
    private static func kind(of error: any Error, _ message: String) -> TransportFailure.Kind {
        if error is NIOSSLExtraError { return .certificateRejected }
        if error is NIOSSLError {
            let upper = message.uppercased()
            return upper.contains("CERTIFICATE") || upper.contains("CERT_")
                ? .certificateRejected : .secureConnectionFailed
        }
        if let posix = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(posix.errnoCode) ? .cannotConnect : .other
        }
        if String(describing: type(of: error)) == "NIOConnectionError" {
            return message.contains("dnsAError: Optional") || message.contains("dnsAAAAError: Optional")
                ? .hostNotFound : .cannotConnect
        }
        return .other
    }

    // MARK: Configuration

    static func tlsConfiguration(_ options: TLSOptions) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        do {
            if let caBundle = options.caBundle {
                configuration.trustRoots = .file(caBundle.path)
            }
            if let certificate = options.clientCertificate {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate.path).map {
                    .certificate($0)
                }
                guard let key = options.clientKey else {
                    throw APIError.invalidInput("A client certificate needs its private key (TLSOptions.clientKey)")
                }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key.path, format: .pem))
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalidInput("Cannot load the TLS files: \(error)")
        }
        return configuration
    }

    static func proxy(_ options: ProxyOptions) throws -> HTTPClient.Configuration.Proxy {
        guard let host = options.url.host else {
            throw APIError.invalidInput("The proxy URL \(options.url.absoluteString) has no host")
        }
        let port = options.url.port ?? (options.url.scheme == "https" ? 443 : 80)
        if let user = options.url.user {
            let password = options.url.password ?? ""
            return .server(host: host, port: port, authorization: .basic(username: user, password: password))
        }
        return .server(host: host, port: port)
    }
}

/// The iterator of a response body, read one chunk at a time by a stream's unfolding closure.
private final class BodyReader: @unchecked Sendable {
    // `@unchecked`: the unfolding closure calls `next()` one call at a time.
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> Data? {
        do {
            return try await iterator.next().map { Data($0.readableBytesView) }
        } catch {
            throw AsyncHTTPClientTransport.translate(error)
        }
    }
}

/// A flag that can be set once, from any thread.
private final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    /// Sets the flag; `true` if this call set it.
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if isSet { return false }
        isSet = true
        return true
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
