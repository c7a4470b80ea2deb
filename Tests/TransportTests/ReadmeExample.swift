// The README's "Production" example, compiled with the tests (warnings as errors) and run by
// `readmeExample` below; Tests/Integration/check-readme.sh checks that the README shows these
// lines.
import CVAT
import Foundation
import Logging
import SpecforgeAsyncHTTPClient
import SpecforgeLogging
import SpecforgeRuntime
import Testing

func productionClient(token: String) throws -> (ApiClient, AsyncHTTPClientTransport) {
    var configuration = Configuration(host: URL(string: "https://cvat.example.com")!, accessToken: token)
    // Client-side validation is on; skip the checks a server of yours relaxes.
    configuration.disabledClientSideValidations = [.pattern]
    // cvat-sdk's retries (3, on 502/503/504, idempotent methods, backoff 0.5 s), and 429 too.
    configuration.retryPolicy.statuses.insert(429)
    configuration.middlewares = [
        LoggingMiddleware(logger: Logger(label: "cvat")),
        TokenRefreshMiddleware { _ in
            let fresh = try await renewToken()
            return ["Authorization": "Bearer \(fresh)"]
        },
    ]
    let transport = try AsyncHTTPClientTransport(
        tls: TLSOptions(caBundle: URL(fileURLWithPath: "/etc/ssl/company-ca.pem")),
        proxy: ProxyOptions.fromEnvironment()
    )
    return (ApiClient(configuration: configuration, transport: transport), transport)
}

func renewToken() async throws -> String { "…" }

func upload(_ video: URL, to task: Int, with client: ApiClient) async throws {
    // Streamed from disk, a chunk at a time, with progress.
    _ = try await client.tasksApi.createData(
        id: task,
        dataRequest: DataRequest(imageQuality: 75, clientFiles: [UploadFile(fileURL: video)]),
        options: RequestOptions(uploadProgress: { print("\($0.sent) of \($0.total ?? 0) bytes") })
    )
}

@Test("the README's production example builds a client and uploads with progress")
func readmeExample() async throws {
    let (client, transport) = try productionClient(token: "t")
    defer { Task { try await transport.shutdown() } }
    #expect(client.session.configuration.retryPolicy.statuses == [429, 502, 503, 504])
    #expect(client.session.configuration.middlewares.count == 2)
}
