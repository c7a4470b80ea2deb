import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What a real CVAT server reads differently from the OpenAPI letter, against a fake server that
/// reads it the same way: `null` and absent keys in PATCH bodies, microseconds in date-times.
final class NullAndDateTimeTests: EndToEndTestCase {
    /// `assigneeId: .null` sends `"assignee_id": null`: the task is unassigned.
    func testPatchSendsAnExplicitNull() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        let task = try await client.tasksApi.partialUpdate(
            id: 43,
            patchedTaskWriteRequest: PatchedTaskWriteRequest(assigneeId: .null)
        ).body()
        // The response's `null` is kept as such, not turned into an absent key.
        XCTAssertEqual(task.assignee, .null)
        XCTAssertEqual(task.projectId, .null)
        let json = try XCTUnwrap(try task.jsonObject() as? [String: Any])
        XCTAssertTrue(json["assignee"] is NSNull, "null is written back as null")
        let log = try await server.log()
        XCTAssertEqual(String(decoding: log[0].bodyData, as: UTF8.self), #"{"assignee_id":null}"#)
    }

    /// `assigneeId: nil` (the default) leaves the key out: the assignee stays.
    func testPatchLeavesOutWhatIsNil() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        let task = try await client.tasksApi.partialUpdate(
            id: 44,
            patchedTaskWriteRequest: PatchedTaskWriteRequest(name: "renamed", assigneeId: nil)
        ).body()
        XCTAssertEqual(task.name, "renamed")
        XCTAssertEqual(task.assignee?.value?.username, "ann")
        let log = try await server.log()
        XCTAssertEqual(String(decoding: log[0].bodyData, as: UTF8.self), #"{"name":"renamed"}"#)
    }

    /// A model built from a plain dictionary keeps `NSNull` as `null`.
    func testJSONObjectKeepsNull() throws {
        let patch = try PatchedTaskWriteRequest(jsonObject: ["assignee_id": NSNull(), "name": "x"])
        XCTAssertEqual(patch.assigneeId, .null)
        XCTAssertEqual(String(decoding: try patch.jsonData(), as: UTF8.self), #"{"name":"x","assignee_id":null}"#)
    }

    /// Django keeps microseconds: a date-time is sent with all of them and read back unchanged.
    func testDateTimesKeepMicroseconds() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        // 2026-12-31T23:59:59.123456Z
        let expiry = try XCTUnwrap(DateTime("2026-12-31T23:59:59.123456Z"))
        let token = try await client.authApi.createAccessTokens(
            accessTokenWriteRequest: AccessTokenWriteRequest(name: "ci", expiryDate: .value(expiry))
        ).body()
        XCTAssertEqual(token.expiryDate, .value(expiry))
        XCTAssertEqual(token.lastUsedDate, Nullable<DateTime>.null)
        let log = try await server.log()
        XCTAssertEqual(
            String(decoding: log[0].bodyData, as: UTF8.self),
            #"{"name":"ci","expiry_date":"2026-12-31T23:59:59.123456Z"}"#
        )
    }
}

/// Every response body the fake server sends (CVAT 2.72 shapes, nulls and microseconds
/// included), decoded with the generated models and encoded again, is the JSON it was.
final class ResponseRoundTripTests: EndToEndTestCase {
    /// Decodes and re-encodes a body as the generated model of `schema`.
    private static let roundTrips: [String: @Sendable (Data) throws -> Data] = [
        "TaskRead": { try TaskRead(jsonData: $0).jsonData() },
        "DataResponse": { try DataResponse(jsonData: $0).jsonData() },
        "Request": { try Request(jsonData: $0).jsonData() },
        "Token": { try Token(jsonData: $0).jsonData() },
        "MetaUser": { try MetaUser(jsonData: $0).jsonData() },
        "RestAuthDetail": { try RestAuthDetail(jsonData: $0).jsonData() },
        "PaginatedProjectReadList": { try PaginatedProjectReadList(jsonData: $0).jsonData() },
        "PaginatedTaskReadList": { try PaginatedTaskReadList(jsonData: $0).jsonData() },
        "RqId": { try RqId(jsonData: $0).jsonData() },
        "AccessTokenRead": { try AccessTokenRead(jsonData: $0).jsonData() },
    ]

    func testEveryResponseBodyEncodesBackToTheSameJSON() async throws {
        let (data, _) = try await URLSession.shared.data(from: server.url.appendingPathComponent("__samples"))
        let samples = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertGreaterThan(samples.count, 10)
        for sample in samples {
            let schema = try XCTUnwrap(sample["schema"] as? String)
            let roundTrip = try XCTUnwrap(Self.roundTrips[schema], "no round trip for \(schema)")
            let original = try JSONSerialization.data(withJSONObject: try XCTUnwrap(sample["body"]))
            let encoded = try roundTrip(original)
            let before = try JSONSerialization.jsonObject(with: original) as? NSDictionary
            let after = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            XCTAssertNotNil(after)
            XCTAssertEqual(before, after, "\(schema): \(String(decoding: encoded, as: UTF8.self))")
        }
    }
}

/// `text/event-stream` responses are delivered as the server writes them.
final class EventStreamDeliveryTests: EndToEndTestCase {
    private struct StreamState: Decodable {
        let sent: Int
        let closed: Bool
    }

    private func streamState() async throws -> StreamState {
        let (data, _) = try await URLSession.shared.data(from: server.url.appendingPathComponent("__stream"))
        return try JSONDecoder().decode(StreamState.self, from: data)
    }

    /// The server writes an event, waits 600 ms, writes another: the first is in hand before the
    /// second is written.
    func testEventsArriveBeforeTheStreamEnds() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        var received: [String] = []
        for try await event in try await client.functionsApi.queuesWatch(id: "function:1").body() {
            received.append(event.data)
            if received.count == 1 {
                let state = try await streamState()
                XCTAssertEqual(state.sent, 1, "the first event was delivered before the second was sent")
            }
        }
        XCTAssertEqual(received, ["event 1", "event 2"])
    }

    /// A stream that never ends: cancelling the task that reads it closes the connection.
    func testCancellingTheReaderClosesTheConnection() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        let events = try await client.functionsApi.queuesWatch(id: "function:2").body()
        let firstTwo = AsyncStream.makeStream(of: Int.self)
        let reader = Task {
            var count = 0
            for try await _ in events {
                count += 1
                if count == 2 { firstTwo.continuation.yield(count) }
            }
            return count
        }
        for await _ in firstTwo.stream { break }
        reader.cancel()
        do {
            _ = try await reader.value
            XCTFail("a cancelled reader ends with CancellationError")
        } catch is CancellationError {}
        var state = try await streamState()
        let deadline = Date().addingTimeInterval(10)
        while !state.closed, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            state = try await streamState()
        }
        XCTAssertTrue(state.closed, "the server saw the connection close (after \(state.sent) events)")
        XCTAssertLessThan(state.sent, 100)
    }
}
