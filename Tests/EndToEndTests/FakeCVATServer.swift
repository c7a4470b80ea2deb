import CVAT
import Foundation
import SpecforgeRuntime
import TestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs `Tests/Server/fake_cvat.py` on 127.0.0.1 (an ephemeral port) for as long as the test
/// process lives, and reads back what it recorded.
final class FakeCVATServer: @unchecked Sendable {
    /// One server for the whole test process: it is stateless between scenarios.
    static let shared: FakeCVATServer = {
        do {
            return try FakeCVATServer()
        } catch {
            fatalError("cannot start the fake CVAT server: \(error)")
        }
    }()

    let url: URL
    private let process: LoopbackProcess

    private init() throws {
        process = try LoopbackProcess(
            executable: "/usr/bin/env",
            arguments: [
                "python3", LoopbackProcess.testsFolder().appendingPathComponent("Server/fake_cvat.py").path,
                LoopbackProcess.cvatSchema.path,
            ]
        )
        url = process.url
    }

    /// Requests that broke an expectation since the last call (the server forgets them).
    func failures() async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__failures"))
        return try JSONDecoder().decode([String].self, from: data)
    }

    struct RecordedRequest: Decodable {
        let method: String
        let target: String
        let headers: [[String]]
        let body: String

        var bodyData: Data { Data(base64Encoded: body) ?? Data() }

        func header(_ name: String) -> String? {
            headers.first { $0[0].lowercased() == name.lowercased() }?[1]
        }
    }

    /// Every request received since the last call (the server forgets them).
    func log() async throws -> [RecordedRequest] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__log"))
        return try JSONDecoder().decode([RecordedRequest].self, from: data)
    }
}

/// Base class: every scenario starts with an empty server log and ends by asking the server
/// whether any request broke its expectations.
class EndToEndTestCase: XCTestCase {
    var server: FakeCVATServer { FakeCVATServer.shared }

    /// Basic auth as the server's admin, what most scenarios use.
    var adminConfiguration: Configuration {
        Configuration(host: server.url, username: "admin", password: "secret")
    }

    override func setUp() async throws {
        _ = try await server.log()
        _ = try await server.failures()
    }

    override func tearDown() async throws {
        let failures = try await server.failures()
        XCTAssertEqual(failures, [], "the server rejected requests")
    }
}

extension TaskWriteRequest {
    /// The task the fake server expects to be created (`POST /api/tasks`).
    static let exampleTask = TaskWriteRequest(
        name: "example task",
        labels: [
            PatchedLabelRequest(
                name: "car",
                color: "#ff00ff",
                attributes: [
                    AttributeRequest(
                        name: "a",
                        mutable: true,
                        inputType: .number,
                        defaultValue: "5",
                        values: ["4", "5", "6"]
                    )
                ]
            )
        ]
    )
}
