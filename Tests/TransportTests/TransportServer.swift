import Foundation
import SpecforgeAsyncHTTPClient
import SpecforgeRuntime
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Tests/Server/transport_server.py`, started once for the test process: plain HTTP, HTTPS
/// with a certificate from a certificate authority made for this run, and HTTPS that requires
/// a client certificate. See the script for its routes.
final class TransportServer: Sendable {
    static let shared: TransportServer = {
        do {
            return try TransportServer()
        } catch {
            fatalError("cannot start the transport test server: \(error)")
        }
    }()

    let http: URL
    let https: URL
    let mutualTLS: URL
    /// ca.pem, client.pem and client-key.pem.
    let certificates: URL
    private let process: LoopbackProcess

    private init() throws {
        process = try LoopbackProcess(
            executable: "/usr/bin/env",
            arguments: [
                "python3", LoopbackProcess.testsFolder().appendingPathComponent("Server/transport_server.py").path,
            ]
        )
        let fields = process.announced
        http = URL(string: "http://127.0.0.1:\(fields[0])")!
        https = URL(string: "https://127.0.0.1:\(fields[1])")!
        mutualTLS = URL(string: "https://127.0.0.1:\(fields[2])")!
        certificates = URL(fileURLWithPath: fields[3])
    }

    var caBundle: URL { certificates.appendingPathComponent("ca.pem") }
    var clientCertificate: URL { certificates.appendingPathComponent("client.pem") }
    var clientKey: URL { certificates.appendingPathComponent("client-key.pem") }

    struct LoggedRequest: Decodable, Equatable {
        let method: String
        let target: String
        let proxied: Bool
    }

    /// The requests so far whose target contains `marker`: suites run concurrently, so each
    /// test marks its own requests (`/echo/<marker>`).
    func log(_ marker: String) async throws -> [LoggedRequest] {
        try await json([LoggedRequest].self, "/__log").filter { $0.target.contains(marker) }
    }

    /// When the requests of a `/flaky/<key>/…` route arrived (monotonic seconds).
    func attempts(_ key: String) async throws -> [Double] {
        try await json([Double].self, "/__attempts/\(key)")
    }

    struct EventsState: Decodable {
        let sent: Int
        let closed: Bool
    }

    func eventsState() async throws -> EventsState {
        try await json(EventsState.self, "/__events")
    }

    private func json<T: Decodable>(_ type: T.Type, _ path: String) async throws -> T {
        let (data, _) = try await URLSession.shared.data(from: URL(string: http.absoluteString + path)!)
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// What `/echo` saw.
struct Echo: Decodable {
    let method: String
    let target: String
    let headers: [[String]]
    let length: Int
    let sha256: String
    let chunked: Bool
    let proxied: Bool

    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: response.body)
    }
}

/// The transports under test: every check of the shared suite runs against each.
enum TransportKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession = "URLSessionTransport"
    case asyncHTTPClient = "AsyncHTTPClientTransport"

    var description: String { rawValue }

    func make() throws -> any HTTPTransport {
        switch self {
        case .urlSession: URLSessionTransport()
        // A short connect timeout: AsyncHTTPClient retries a failed connection until it ends.
        case .asyncHTTPClient: try AsyncHTTPClientTransport(connectTimeout: .seconds(2))
        }
    }
}
