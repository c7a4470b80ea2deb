import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

final class ExportAndErrorTests: EndToEndTestCase {
    private var client: ApiClient {
        ApiClient(configuration: adminConfiguration)
    }

    /// Scenario 4: start an export (202), poll the request until it finishes, then stream the
    /// 5 MB result to a file without holding it in memory.
    func testDatasetExportIsPolledAndStreamedToAFile() async throws {
        let accepted = try await client.projectsApi.createDatasetExport(
            id: 7,
            format: "CVAT for images 1.1",
            saveImages: true
        )
        XCTAssertEqual(accepted.status, 202)
        let requestId = try accepted.body().rqId

        var details = try await client.requestsApi.retrieve(id: requestId).body()
        while details.status != .finished {
            XCTAssertNotEqual(details.status, .failed)
            XCTAssertEqual(details.resultUrl, .null, "present, and null until the export is done")
            details = try await client.requestsApi.retrieve(id: requestId).body()
        }
        let resultURL = try XCTUnwrap(details.resultUrl?.value.flatMap(URL.init(string:)))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        let before = PeakMemory.resetAndRead()
        let response = try await client.session.download(
            absoluteURL: resultURL,
            endpoint: ProjectsApi.createDatasetExportEndpoint,
            to: file
        )
        let growth = PeakMemory.read() - before
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body.count, 0, "the body went to the file")

        let size = 5 * 1024 * 1024
        let contents = try Data(contentsOf: file)
        XCTAssertEqual(contents.count, size)
        XCTAssertTrue(contents.enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) }, "bytes differ")
        XCTAssertLessThan(growth, size, "peak memory grew by \(growth) bytes during a \(size)-byte download")
    }

    /// Scenario 5: typed errors, timeouts, and the per-call options that turn checks off.
    func testStatusErrorsCarryStatusHeadersAndBody() async throws {
        do {
            _ = try await client.tasksApi.retrieve(id: 404)
            XCTFail("404 expected")
        } catch let error as APIError {
            XCTAssertTrue(error.isNotFound)
            XCTAssertEqual(error.response?.headers["Content-Type"], "application/vnd.cvat+json")
            XCTAssertEqual(
                error.response.map { String(decoding: $0.body, as: UTF8.self) },
                #"{"detail": "Not found."}"#
            )
        }
        do {
            _ = try await client.tasksApi.retrieve(id: 500)
            XCTFail("500 expected")
        } catch let error as APIError {
            XCTAssertTrue(error.isServerError)
            XCTAssertEqual(error.statusCode, 500)
        }
    }

    func testDecodingErrorsNameTheModelAndTheField() async throws {
        for (id, path) in [(13, "jobs.completed"), (14, "labels")] {
            do {
                _ = try await client.tasksApi.retrieve(id: id)
                XCTFail("a decoding error was expected for task \(id)")
            } catch APIError.decoding(let type, let codingPath, _, let excerpt) {
                XCTAssertEqual(type, "TaskRead")
                XCTAssertEqual(codingPath, path)
                XCTAssertTrue(excerpt.contains("\"id\": \(id)"), excerpt)
            }
        }
    }

    func testTimeoutOptionIsHonoured() async throws {
        let start = ContinuousClock.now
        do {
            _ = try await client.tasksApi.retrieve(id: 99, options: RequestOptions(timeout: .milliseconds(300)))
            XCTFail("a timeout was expected")
        } catch APIError.timeout {
            XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(1_500))
        }
    }

    func testCheckStatusOffAndParseOff() async throws {
        let notFound = try await client.tasksApi.retrieve(id: 404, options: RequestOptions(checkStatus: false))
        XCTAssertEqual(notFound.status, 404)
        XCTAssertNil(notFound.data)
        XCTAssertEqual(try notFound.decode([String: String].self), ["detail": "Not found."])

        let raw = try await client.tasksApi.retrieve(id: 42, options: RequestOptions(parseResponse: false))
        XCTAssertNil(raw.data)
        let json = try JSONSerialization.jsonObject(with: raw.response.body) as? [String: Any]
        XCTAssertEqual(json?["id"] as? Int, 42)
        XCTAssertNotNil(json?["size"] as? Int)
    }
}

/// The process's peak resident memory (Linux `VmHWM`), resettable so one operation can be measured.
enum PeakMemory {
    static func resetAndRead() -> Int {
        // Writing 5 to clear_refs resets the peak to the current resident size.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return read()
    }

    static func read() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }
}

/// `text/event-stream` responses arrive as an asynchronous sequence of events.
final class EventStreamTests: EndToEndTestCase {
    func testEventStreamResponseIsASequenceOfEvents() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        var events: [ServerSentEvents.Event] = []
        for try await event in try await client.functionsApi.queuesWatch(id: "function:12").body() {
            events.append(event)
        }
        XCTAssertEqual(
            events,
            [
                ServerSentEvents.Event(event: "request", data: #"{"id": "r1"}"#, id: "1"),
                // The last event ID carries over to events that set none (HTML's event stream rules).
                ServerSentEvents.Event(data: "first line\nsecond line", id: "1", retry: 500),
            ]
        )
    }
}
