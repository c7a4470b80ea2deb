import Foundation
import Logging
import SpecforgeAsyncHTTPClient
import SpecforgeLogging
import SpecforgeRuntime
import Testing

/// Retries, middleware, logging, token refresh, TLS and proxies, through an `APISession` as a
/// generated client uses it, against the loopback server.
@Suite("Production runtime", .serialized)
struct ProductionTests {
    let server = TransportServer.shared

    /// `GET /flaky/{key}/{failures}/{status}?retry_after=`.
    static func flaky(_ method: HTTPMethod) -> Endpoint {
        Endpoint(
            id: "flaky",
            method: method,
            path: "/flaky/{key}/{failures}/{status}",
            parameters: [
                .init("key", in: .path, type: String.self, required: true),
                .init("failures", in: .path, type: Int.self, required: true),
                .init("status", in: .path, type: Int.self, required: true),
                .init("retry_after", in: .query, type: Int?.self),
            ],
            responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)]
        )
    }

    /// cvat-sdk's policy with a quicker backoff: retries after 0 s, 0.4 s, 0.8 s.
    static let quickPolicy = RetryPolicy(backoffFactor: .milliseconds(200))

    func session(_ policy: RetryPolicy = quickPolicy, transport: any HTTPTransport = URLSessionTransport())
        -> APISession
    {
        APISession(
            configuration: Configuration(host: server.http, retryPolicy: policy),
            securitySchemes: [],
            transport: transport
        )
    }

    func call(
        _ session: APISession,
        _ method: HTTPMethod = .get,
        key: String,
        failures: Int,
        status: Int,
        retryAfter: Int? = nil
    ) async throws -> JSONValue? {
        let response: ApiResponse<JSONValue> = try await session.send(
            Self.flaky(method),
            [key, failures, status, retryAfter],
            options: RequestOptions()
        )
        return response.data
    }

    // MARK: Retries

    @Test("503 twice then 200: retried with growing delays", arguments: TransportKind.allCases)
    func retriesWithBackoff(kind: TransportKind) async throws {
        let key = "backoff-\(kind)-\(UUID().uuidString.prefix(6))"
        let result = try await call(session(transport: try kind.make()), key: key, failures: 2, status: 503)
        #expect(result == ["attempts": 3])
        let times = try await server.attempts(key)
        #expect(times.count == 3)
        let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
        // urllib3's schedule: the first retry at once, the second after factor × 2.
        #expect(gaps[0] < 0.35, "the first retry is immediate: \(gaps)")
        #expect(gaps[1] >= 0.38, "the second waits factor × 2 = 0.4 s: \(gaps)")
        #expect(gaps[1] > gaps[0])
    }

    @Test("Retry-After is honoured for 503, and for 429 when the policy retries it")
    func retryAfter() async throws {
        let key = "after-\(UUID().uuidString.prefix(6))"
        _ = try await call(session(), key: key, failures: 1, status: 503, retryAfter: 1)
        let times = try await server.attempts(key)
        #expect(times.count == 2)
        #expect(times[1] - times[0] >= 0.95, "waited the second the server asked for")

        var policy = Self.quickPolicy
        policy.statuses.insert(429)
        let limited = "limited-\(UUID().uuidString.prefix(6))"
        _ = try await call(session(policy), key: limited, failures: 1, status: 429, retryAfter: 1)
        let limitedTimes = try await server.attempts(limited)
        #expect(limitedTimes.count == 2 && limitedTimes[1] - limitedTimes[0] >= 0.95)
    }

    @Test("a Retry-After beyond the ceiling ends the retries at once")
    func retryAfterCeiling() async throws {
        var policy = Self.quickPolicy
        policy.maxDelay = .seconds(5)
        let key = "ceiling-\(UUID().uuidString.prefix(6))"
        await #expect {
            _ = try await call(session(policy), key: key, failures: 1, status: 503, retryAfter: 3600)
        } throws: { error in
            (error as? APIError)?.statusCode == 503
        }
        #expect(try await server.attempts(key).count == 1)
    }

    @Test("a POST is not retried by default; a policy can allow it")
    func postIsNotRetried() async throws {
        let key = "post-\(UUID().uuidString.prefix(6))"
        await #expect {
            _ = try await call(session(), .post, key: key, failures: 1, status: 503)
        } throws: { error in
            (error as? APIError)?.statusCode == 503
        }
        #expect(try await server.attempts(key).count == 1)

        var policy = Self.quickPolicy
        policy.methods.insert(.post)
        let allowed = "post-allowed-\(UUID().uuidString.prefix(6))"
        #expect(try await call(session(policy), .post, key: allowed, failures: 1, status: 503) == ["attempts": 2])
    }

    @Test("the attempts ceiling holds: 3 retries, then the error")
    func attemptsCeiling() async throws {
        let key = "ceiling-attempts-\(UUID().uuidString.prefix(6))"
        await #expect {
            _ = try await call(
                session(RetryPolicy(backoffFactor: .milliseconds(10))),
                key: key,
                failures: 10,
                status: 502
            )
        } throws: { error in
            (error as? APIError)?.statusCode == 502
        }
        #expect(try await server.attempts(key).count == 4)
        let once = "once-\(UUID().uuidString.prefix(6))"
        await #expect(throws: APIError.self) {
            _ = try await call(session(.none), key: once, failures: 1, status: 503)
        }
        #expect(try await server.attempts(once).count == 1)
    }

    @Test("a retried upload resends its file from the start", arguments: TransportKind.allCases)
    func retriedUploadRestarts(kind: TransportKind) async throws {
        let file = try temporaryFile(size: 2 << 20)
        defer { try? FileManager.default.removeItem(at: file) }
        let key = "upload-\(kind)-\(UUID().uuidString.prefix(6))"
        var policy = Self.quickPolicy
        policy.methods.insert(.put)
        let endpoint = Endpoint(
            id: "upload",
            method: .put,
            path: "/flaky/\(key)/1/503",
            requestContentTypes: ["application/octet-stream"],
            responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)]
        )
        let progress = ProgressLog()
        let response: ApiResponse<JSONValue> = try await session(policy, transport: try kind.make()).send(
            endpoint,
            [],
            body: UploadFile(fileURL: file),
            options: RequestOptions(uploadProgress: { progress.record($0) })
        )
        #expect(response.data == ["attempts": 2])
        #expect(progress.reports.last?.sent == 2 << 20)
        // Each attempt starts again from 0.
        #expect(progress.reports.filter { $0.sent == 0 }.count >= 1)
    }

    // MARK: Middleware

    /// Records "name in" and "name out" around each request.
    struct Recorder: ClientMiddleware {
        let name: String
        let trail: Trail

        func intercept(
            _ request: HTTPRequest,
            context: MiddlewareContext,
            next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            trail.append("\(name) in \(context.operationId)")
            var request = request
            request.headers.add("X-Trail", name)
            let response = try await next(request)
            trail.append("\(name) out \(response.status)")
            return response
        }
    }

    final class Trail: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []

        func append(_ entry: String) {
            lock.lock()
            entries.append(entry)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return entries
        }
    }

    static let echo = Endpoint(
        id: "echo_create",
        method: .post,
        path: "/echo",
        requestContentTypes: ["application/json"],
        responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)]
    )

    @Test("a chain of three runs in order on the way in and in reverse on the way out")
    func middlewareOrder() async throws {
        let trail = Trail()
        let configuration = Configuration(
            host: server.http,
            middlewares: ["a", "b", "c"].map { Recorder(name: $0, trail: trail) }
        )
        let session = APISession(configuration: configuration, securitySchemes: [])
        let response: ApiResponse<JSONValue> = try await session.send(
            Self.echo,
            [],
            body: ["x": 1],
            options: RequestOptions()
        )
        #expect(
            trail.all == [
                "a in echo_create", "b in echo_create", "c in echo_create", "c out 200", "b out 200", "a out 200",
            ]
        )
        let echo = try Echo(response.response)
        #expect(echo.headers.filter { $0[0] == "X-Trail" }.map { $0[1] }.joined(separator: ",").contains("a"))
        #expect(echo.header("X-Trail")?.contains("c") == true, "each middleware's change reached the server")
    }

    /// Answers from a cache without calling the server.
    struct Canned: ClientMiddleware {
        func intercept(
            _ request: HTTPRequest,
            context: MiddlewareContext,
            next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            HTTPResponse(
                status: 200,
                headers: ["Content-Type": "application/json"],
                body: Data("{\"cached\": true}".utf8)
            )
        }
    }

    @Test("a middleware can answer a request itself")
    func middlewareAnswers() async throws {
        let session = APISession(
            configuration: Configuration(host: server.http, middlewares: [Canned()]),
            securitySchemes: []
        )
        let marker = "canned-" + UUID().uuidString.prefix(8).lowercased()
        let endpoint = Endpoint(
            id: "echo_create",
            method: .post,
            path: "/echo/\(marker)",
            requestContentTypes: ["application/json"],
            responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)]
        )
        let response: ApiResponse<JSONValue> = try await session.send(
            endpoint,
            [],
            body: ["x": 1],
            options: RequestOptions()
        )
        #expect(response.data == ["cached": true])
        #expect(try await server.log(marker).isEmpty)
    }

    @Test("the logging middleware logs method, path, status and duration, and no secret")
    func loggingMiddleware() async throws {
        let captured = CapturedLogs()
        let logger = Logger(label: "test") { _ in captured }
        let configuration = Configuration(
            host: server.http,
            accessToken: "token-s3cret",
            apiKeys: ["apiKey": "key-s3cret"],
            cookies: ["sessionid": "cookie-s3cret"],
            middlewares: [LoggingMiddleware(logger: logger)]
        )
        let endpoint = Endpoint(
            id: "echo_create",
            method: .post,
            path: "/echo",
            parameters: [.init("search", in: .query, type: String?.self)],
            requestContentTypes: ["application/json"],
            responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)],
            security: [["apiKey"], ["bearer"]]
        )
        let session = APISession(
            configuration: configuration,
            securitySchemes: [
                SecuritySchemeSpec("apiKey", .apiKey(name: "key", location: .query)),
                SecuritySchemeSpec("bearer", .httpBearer),
            ]
        )
        let _: ApiResponse<JSONValue> = try await session.send(
            endpoint,
            ["query-s3cret"],
            body: ["password": "body-s3cret"],
            options: RequestOptions()
        )
        let lines = captured.lines
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasPrefix("info POST /echo → 200 in "))
        for field in [
            "operation=echo_create", "method=POST", "path=/echo", "status=200", "query=search,key", "duration_ms=",
        ] {
            #expect(line.contains(field), "\(field) in \(line)")
        }
        #expect(!line.contains("s3cret"), "no credential or query value in \(line)")
    }

    // MARK: Token refresh

    @Test("a 401 refreshes the token once and replays; concurrent 401s share the refresh")
    func tokenRefresh() async throws {
        let refreshes = Trail()
        let refresh = TokenRefreshMiddleware { response in
            refreshes.append("refresh after \(response.status)")
            try await Task.sleep(for: .milliseconds(100))
            return ["Authorization": "Bearer fresh"]
        }
        let configuration = Configuration(host: server.http, accessToken: "stale", middlewares: [refresh])
        let session = APISession(
            configuration: configuration,
            securitySchemes: [SecuritySchemeSpec("bearer", .httpBearer)]
        )
        let endpoint = Endpoint(
            id: "protected",
            method: .get,
            path: "/protected",
            responses: [.init("200", contentType: "application/json", type: JSONValue.self, isPrimary: true)],
            security: [["bearer"]]
        )
        async let first: ApiResponse<JSONValue> = session.send(endpoint, [], options: RequestOptions())
        async let second: ApiResponse<JSONValue> = session.send(endpoint, [], options: RequestOptions())
        let results = try await [first.data, second.data]
        #expect(results == [["ok": true], ["ok": true]])
        #expect(refreshes.all == ["refresh after 401"])

        let giveUp = TokenRefreshMiddleware { _ in nil }
        let stuck = APISession(
            configuration: Configuration(host: server.http, accessToken: "stale", middlewares: [giveUp]),
            securitySchemes: [SecuritySchemeSpec("bearer", .httpBearer)]
        )
        await #expect {
            let _: ApiResponse<JSONValue> = try await stuck.send(endpoint, [], options: RequestOptions())
        } throws: { error in
            (error as? APIError)?.isUnauthorized == true
        }
    }

    // MARK: TLS and proxies (AsyncHTTPClientTransport)

    func get(_ url: URL, with transport: AsyncHTTPClientTransport) async throws -> Int {
        let response = try await transport.send(
            HTTPRequest(method: .get, url: url.appendingPathComponent("echo")),
            timeout: .seconds(10)
        )
        try await transport.shutdown()
        return response.status
    }

    @Test("a self-signed server works with the host marked insecure, and with its CA bundle")
    func tlsOptions() async throws {
        #expect(
            try await get(server.https, with: AsyncHTTPClientTransport(tls: TLSOptions(insecureHosts: ["127.0.0.1"])))
                == 200
        )
        #expect(
            try await get(server.https, with: AsyncHTTPClientTransport(tls: TLSOptions(caBundle: server.caBundle)))
                == 200
        )
        // Insecure for another host only: this one is still verified.
        await #expect(throws: APIError.self) {
            _ = try await get(
                server.https,
                with: AsyncHTTPClientTransport(
                    tls: TLSOptions(insecureHosts: ["cvat.example"]),
                    connectTimeout: .seconds(2)
                )
            )
        }
    }

    @Test("a server that requires a client certificate works with one, and only with one")
    func clientCertificate() async throws {
        await #expect(throws: APIError.self) {
            _ = try await get(
                server.mutualTLS,
                with: AsyncHTTPClientTransport(tls: TLSOptions(caBundle: server.caBundle), connectTimeout: .seconds(2))
            )
        }
        let tls = TLSOptions(
            caBundle: server.caBundle,
            clientCertificate: server.clientCertificate,
            clientKey: server.clientKey
        )
        #expect(try await get(server.mutualTLS, with: AsyncHTTPClientTransport(tls: tls)) == 200)
    }

    @Test("requests go through the proxy, except to hosts in no_proxy")
    func proxy() async throws {
        let port = server.http.port!
        let transport = try AsyncHTTPClientTransport(proxy: ProxyOptions(url: server.http, noProxy: ["127.0.0.1"]))
        let marker = "proxy-" + UUID().uuidString.prefix(8).lowercased()
        for host in ["localhost", "127.0.0.1"] {
            let url = URL(string: "http://\(host):\(port)/echo/\(marker)-\(host)")!
            #expect(try await transport.send(HTTPRequest(method: .get, url: url), timeout: .seconds(10)).status == 200)
        }
        try await transport.shutdown()
        let tunnels = try await server.log("localhost:\(port)").filter { $0.method == "CONNECT" }
        #expect(tunnels.count == 1, "localhost went through the proxy")
        #expect(
            try await server.log(marker).map(\.target).sorted() == [
                "/echo/\(marker)-127.0.0.1", "/echo/\(marker)-localhost",
            ]
        )
        #expect(ProxyOptions(url: server.http, noProxy: [".example.com"]).isUsed(for: "api.example.com") == false)
        #expect(ProxyOptions(url: server.http, noProxy: ["example.com"]).isUsed(for: "example.org"))
        let environment = ProxyOptions.fromEnvironment(["https_proxy": "proxy.local:3128", "no_proxy": "a, b"])
        #expect(environment == ProxyOptions(url: URL(string: "http://proxy.local:3128")!, noProxy: ["a", "b"]))
    }
}

/// A swift-log handler that keeps each message with its metadata, `level message key=value …`.
final class CapturedLogs: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lock.lock()
        captured.append("\(event.level) \(event.message) " + fields.joined(separator: " "))
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }
}
