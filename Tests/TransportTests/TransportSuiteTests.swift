import Foundation
import SpecforgeRuntime
import Testing

/// The transport contract, checked the same way against `URLSessionTransport` and
/// `AsyncHTTPClientTransport`: what goes out arrives byte for byte, bodies stream both ways
/// (files are never read whole), and timeouts and cancellation end a call.
@Suite("Transport suite", .serialized)
struct TransportSuiteTests {
    let server = TransportServer.shared

    @Test("sends method, headers and body; returns status, headers and body", arguments: TransportKind.allCases)
    func send(kind: TransportKind) async throws {
        let transport = try kind.make()
        let body = Data("{\"name\": \"ünïcode\"}".utf8)
        let request = HTTPRequest(
            method: .patch,
            url: URL(string: server.http.absoluteString + "/echo?tag=a%20b")!,
            headers: ["Content-Type": "application/json", "X-Trace": "42"],
            body: HTTPBody(body)
        )
        let response = try await transport.send(request, timeout: .seconds(10))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let echo = try Echo(response)
        #expect(echo.method == "PATCH")
        #expect(echo.target == "/echo?tag=a%20b")
        #expect(echo.header("X-Trace") == "42")
        #expect(echo.header("Content-Length") == String(body.count))
        #expect(echo.length == body.count)
        #expect(echo.sha256 == (try sha256(body)))
        #expect(!echo.chunked)
    }

    @Test("streams a file from disk with its Content-Length and reports progress", arguments: TransportKind.allCases)
    func uploadFromFile(kind: TransportKind) async throws {
        let transport = try kind.make()
        let file = try temporaryFile(size: 12 << 20)
        defer { try? FileManager.default.removeItem(at: file) }
        let progress = ProgressLog()
        var body = try HTTPBody(fileURL: file)
        body.progress = { progress.record($0) }
        let request = HTTPRequest(method: .put, url: server.http.appendingPathComponent("echo"), body: body)
        let echo = try Echo(try await transport.send(request, timeout: .seconds(60)))
        #expect(echo.length == 12 << 20)
        #expect(echo.header("Content-Length") == String(12 << 20))
        #expect(!echo.chunked)
        #expect(echo.sha256 == (try sha256(file: file)))
        let reports = progress.reports
        #expect(reports.last == UploadProgress(sent: 12 << 20, total: 12 << 20))
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.sent <= $1.sent }, "progress never goes back")
    }

    @Test("streams data, files and async chunks one after another", arguments: TransportKind.allCases)
    func uploadSegments(kind: TransportKind) async throws {
        let transport = try kind.make()
        let file = try temporaryFile(size: 3 << 20)
        defer { try? FileManager.default.removeItem(at: file) }
        let chunks = UploadStream(length: 3 * 1000) {
            AsyncThrowingStream { continuation in
                for index in 0..<3 { continuation.yield(Data(repeating: UInt8(index), count: 1000)) }
                continuation.finish()
            }
        }
        let body = HTTPBody(segments: [
            .data(Data("head".utf8)), try HTTPBody.fileSegment(file),
            .chunks(length: chunks.length, make: chunks.makeChunks),
            .data(Data("tail".utf8)),
        ])
        var expected = Data("head".utf8)
        expected += try Data(contentsOf: file)
        for index in 0..<3 { expected += Data(repeating: UInt8(index), count: 1000) }
        expected += Data("tail".utf8)

        let request = HTTPRequest(method: .post, url: server.http.appendingPathComponent("echo"), body: body)
        let echo = try Echo(try await transport.send(request, timeout: .seconds(60)))
        #expect(echo.length == expected.count)
        #expect(echo.header("Content-Length") == String(expected.count))
        #expect(echo.sha256 == (try sha256(expected)))
    }

    @Test("downloads into a file without holding the body", arguments: TransportKind.allCases)
    func download(kind: TransportKind) async throws {
        let transport = try kind.make()
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: destination) }
        let request = HTTPRequest(method: .get, url: server.http.appendingPathComponent("bytes/5000000"))
        let response = try await transport.download(request, to: destination, timeout: .seconds(60))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        let data = try Data(contentsOf: destination)
        #expect(data.count == 5_000_000)
        #expect(data.enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) })
    }

    @Test("delivers a streamed body as it arrives", arguments: TransportKind.allCases)
    func stream(kind: TransportKind) async throws {
        let transport = try kind.make()
        let request = HTTPRequest(method: .get, url: server.http.appendingPathComponent("events/3"))
        let (head, body) = try await transport.stream(request, timeout: .seconds(10))
        #expect(head.status == 200)
        #expect(head.headers["Content-Type"] == "text/event-stream")
        var events: [String] = []
        for try await event in ServerSentEvents(body: body) {
            events.append(event.data)
        }
        #expect(events == ["event 1", "event 2", "event 3"])
    }

    @Test("cancelling the reader of a stream closes the connection", arguments: TransportKind.allCases)
    func cancelStream(kind: TransportKind) async throws {
        let transport = try kind.make()
        let request = HTTPRequest(method: .get, url: server.http.appendingPathComponent("events/endless"))
        let (_, body) = try await transport.stream(request, timeout: .seconds(10))
        let reader = Task {
            var count = 0
            for try await _ in ServerSentEvents(body: body) {
                count += 1
            }
            return count
        }
        try await Task.sleep(for: .milliseconds(300))
        reader.cancel()
        _ = await reader.result
        var state = try await server.eventsState()
        for _ in 0..<60 where !state.closed {
            try await Task.sleep(for: .milliseconds(100))
            state = try await server.eventsState()
        }
        #expect(state.closed, "the server saw the connection close")
    }

    @Test("a request slower than its timeout fails with APIError.timeout", arguments: TransportKind.allCases)
    func timeout(kind: TransportKind) async throws {
        let transport = try kind.make()
        let request = HTTPRequest(method: .get, url: server.http.appendingPathComponent("slow/3000"))
        await #expect {
            _ = try await transport.send(request, timeout: .milliseconds(300))
        } throws: { error in
            if case APIError.timeout = error { return true }
            return false
        }
    }

    @Test("cancelling the calling task ends the request", arguments: TransportKind.allCases)
    func cancellation(kind: TransportKind) async throws {
        let transport = try kind.make()
        let request = HTTPRequest(method: .get, url: server.http.appendingPathComponent("slow/10000"))
        let call = Task { try await transport.send(request, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        call.cancel()
        let result = await call.result
        #expect(throws: (any Error).self) { try result.get() }
        #expect(ContinuousClock.now - started < .seconds(6), "the call ended before the server answered")
    }

    @Test("a connection refused is a transport error", arguments: TransportKind.allCases)
    func refused(kind: TransportKind) async throws {
        let transport = try kind.make()
        // Port 9 (discard) is not listened on here.
        let request = HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:9/")!)
        await #expect {
            _ = try await transport.send(request, timeout: .seconds(5))
        } throws: { error in
            guard let failure = (error as? APIError)?.transportFailure else { return false }
            return failure.kind == .cannotConnect && failure.underlying != nil
        }
    }

    @Test("a server whose certificate nobody vouches for is refused", arguments: TransportKind.allCases)
    func untrustedCertificate(kind: TransportKind) async throws {
        let transport = try kind.make()
        let request = HTTPRequest(method: .get, url: server.https.appendingPathComponent("echo"))
        await #expect {
            _ = try await transport.send(request, timeout: .seconds(10))
        } throws: { error in
            (error as? APIError)?.transportFailure?.kind == .certificateRejected
        }
    }

    @Test(
        "https to a server that speaks plain HTTP fails the handshake, not the certificate",
        arguments: TransportKind.allCases
    )
    func plainServerOverTLS(kind: TransportKind) async throws {
        let transport = try kind.make()
        var plain = URLComponents(url: server.http, resolvingAgainstBaseURL: false)
        plain?.scheme = "https"
        let request = HTTPRequest(method: .get, url: try #require(plain?.url).appendingPathComponent("echo"))
        await #expect {
            _ = try await transport.send(request, timeout: .seconds(10))
        } throws: { error in
            guard let failure = (error as? APIError)?.transportFailure else { return false }
            return failure.kind != .certificateRejected && failure.underlying != nil
        }
    }
}

/// Progress reports, collected from whichever thread the transport reports on.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [UploadProgress] = []

    func record(_ progress: UploadProgress) {
        lock.lock()
        all.append(progress)
        lock.unlock()
    }

    var reports: [UploadProgress] {
        lock.lock()
        defer { lock.unlock() }
        return all
    }
}

/// A file of `size` pseudo-random bytes (not all zeros, so a mix-up of chunks shows).
func temporaryFile(size: Int) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString).bin")
    var generator = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: size)
    for index in bytes.indices where index % 8 == 0 {
        let word = generator.next() as UInt64
        for offset in 0..<min(8, size - index) {
            bytes[index + offset] = UInt8(truncatingIfNeeded: word >> (offset * 8))
        }
    }
    try Data(bytes).write(to: url)
    return url
}

/// SHA-256 by Debian's `sha256sum` (Foundation on Linux has no digest API).
func sha256(file: URL) throws -> String {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", file.path]
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}

func sha256(_ data: Data) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try sha256(file: url)
}
