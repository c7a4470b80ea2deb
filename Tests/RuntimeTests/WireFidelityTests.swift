import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

/// Requests spelled the way the server reads them: date-times at full precision, JSON in schema
/// order, file parts typed by name, form arrays named as configured, events parsed as they come.
final class WireFidelityTests: XCTestCase {
    // MARK: Date-times

    /// 0, 3 and 6 fractional digits, with `Z`, `+00:00` and `+05:30`: decoded, encoded and decoded
    /// again, the instant is the same; spelled as Django spells them (`Z`), the text is too.
    /// (Nanoseconds are read, and sent rounded to the microseconds Django keeps.)
    func testDateTimesRoundTripAtEveryPrecision() throws {
        let cases: [(text: String, canonical: String)] = [
            ("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z"),
            ("2026-11-23T10:00:00.123Z", "2026-11-23T10:00:00.123Z"),
            ("2026-11-23T10:00:00.123456Z", "2026-11-23T10:00:00.123456Z"),
            ("2026-11-23T10:00:00+00:00", "2026-11-23T10:00:00Z"),
            ("2026-11-23T10:00:00.123+00:00", "2026-11-23T10:00:00.123Z"),
            ("2026-11-23T10:00:00.123456+00:00", "2026-11-23T10:00:00.123456Z"),
            ("2026-11-23T15:30:00+05:30", "2026-11-23T10:00:00Z"),
            ("2026-11-23T15:30:00.123+05:30", "2026-11-23T10:00:00.123Z"),
            ("2026-11-23T15:30:00.123456+05:30", "2026-11-23T10:00:00.123456Z"),
            ("2026-11-23T10:00:00.123456789Z", "2026-11-23T10:00:00.123457Z"),
            ("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"),
            ("2026-11-23T10:00:00.100000Z", "2026-11-23T10:00:00.1Z"),
        ]
        for (text, canonical) in cases {
            let date = try JSONCoding.decode(Date.self, from: Data("\"\(text)\"".utf8))
            let encoded = String(decoding: try JSONCoding.encode(date), as: UTF8.self)
            XCTAssertEqual(encoded, "\"\(canonical)\"", text)
            let again = try JSONCoding.decode(Date.self, from: Data(encoded.utf8))
            if !text.contains(".123456789") {
                XCTAssertEqual(again, date, text)
            }
            XCTAssertEqual(String(decoding: try JSONCoding.encode(again), as: UTF8.self), encoded, text)
        }
    }

    // MARK: JSON bodies

    /// The same model, encoded 100 times, gives the same bytes each time, properties in schema
    /// order (and dictionaries' keys sorted).
    func testJSONBodiesAreDeterministicAndInSchemaOrder() throws {
        let spec = TaskWriteRequest(
            name: "example",
            projectId: 3,
            ownerId: .null,
            assigneeId: 7,
            bugTracker: "https://bugs.example/1",
            overlap: 0,
            segmentSize: 10,
            labels: [PatchedLabelRequest(name: "car", color: "#ff00ff", type: .rectangle)],
            subset: "train"
        )
        let first = try spec.jsonData()
        for _ in 0..<100 {
            XCTAssertEqual(try spec.jsonData(), first)
        }
        XCTAssertEqual(
            String(decoding: first, as: UTF8.self),
            #"{"name":"example","project_id":3,"owner_id":null,"assignee_id":7,"bug_tracker":"https://bugs.example/1","#
                + ##""overlap":0,"segment_size":10,"labels":[{"name":"car","color":"#ff00ff","type":"rectangle"}],"##
                + #""subset":"train"}"#
        )
        let map = try JSONCoding.encode(["b": 1, "a": 2, "c": 3])
        XCTAssertEqual(String(decoding: map, as: UTF8.self), #"{"a":2,"b":1,"c":3}"#)
        let free = try JSONCoding.encode(
            JSONValue.object(["z": .null, "y": .array([.double(1.5), .string("\u{1}\"/é")])])
        )
        XCTAssertEqual(String(decoding: free, as: UTF8.self), #"{"y":[1.5,"\u0001\"/é"],"z":null}"#)
    }

    /// Absent, `null` and a value decode apart and encode back as they were.
    func testNullableOptionalKeepsAbsentAndNullApart() throws {
        let absent = try PatchedTaskWriteRequest(jsonData: Data(#"{}"#.utf8))
        let null = try PatchedTaskWriteRequest(jsonData: Data(#"{"assignee_id":null}"#.utf8))
        let value = try PatchedTaskWriteRequest(jsonData: Data(#"{"assignee_id":5}"#.utf8))
        XCTAssertEqual(absent.assigneeId, nil)
        XCTAssertEqual(null.assigneeId, .null)
        XCTAssertEqual(value.assigneeId, 5)
        XCTAssertNotEqual(absent, null)
        XCTAssertNotEqual(absent.hashValue, null.hashValue)
        XCTAssertEqual(String(decoding: try absent.jsonData(), as: UTF8.self), #"{}"#)
        XCTAssertEqual(String(decoding: try null.jsonData(), as: UTF8.self), #"{"assignee_id":null}"#)
        XCTAssertEqual(String(decoding: try value.jsonData(), as: UTF8.self), #"{"assignee_id":5}"#)
    }

    /// Each of the three states has its own spelling, and an optional variable must say which
    /// one its `nil` means (that `stream: stream` does not compile is snippet 73).
    func testNullableSpellings() throws {
        let nobody: Int? = nil
        let cases: [(PatchedTaskWriteRequest, String)] = [
            (PatchedTaskWriteRequest(assigneeId: nobody.map { .value($0) }), #"{}"#),
            (PatchedTaskWriteRequest(assigneeId: Nullable(nullFor: nobody)), #"{"assignee_id":null}"#),
            (PatchedTaskWriteRequest(assigneeId: Nullable(nullFor: 4)), #"{"assignee_id":4}"#),
            (PatchedTaskWriteRequest(assigneeId: .value(4)), #"{"assignee_id":4}"#),
            (PatchedTaskWriteRequest(assigneeId: 4), #"{"assignee_id":4}"#),
        ]
        for (request, json) in cases {
            XCTAssertEqual(String(decoding: try request.jsonData(), as: UTF8.self), json)
        }
        let read = try PatchedTaskWriteRequest(jsonData: Data(#"{"assignee_id":null,"owner_id":2}"#.utf8))
        XCTAssertNil(read.assigneeId?.value, "null reads as no value")
        XCTAssertEqual(read.ownerId?.value, 2)
        XCTAssertEqual(String(describing: read.assigneeId), "Optional(null)")
        XCTAssertEqual(String(describing: read.ownerId), "Optional(2)")
    }

    /// A required property that may be `null` is always sent: `nil` as `null`.
    func testRequiredNullablePropertyIsAlwaysSent() throws {
        let interval = LabeledIntervalRequest(labelId: 1, start: 4, stop: nil)
        let json = try XCTUnwrap(try interval.jsonObject() as? [String: Any])
        XCTAssertTrue(json["stop"] is NSNull, "\(json)")
        XCTAssertNil(json["group"], "an optional property that is nil stays out")
        let summary = try JobsSummary(jsonData: Data(#"{"count":2,"completed":null,"validation":1,"url":"u"}"#.utf8))
        XCTAssertNil(summary.completed)
        XCTAssertEqual(
            String(decoding: try summary.jsonData(), as: UTF8.self),
            #"{"count":2,"completed":null,"validation":1,"url":"u"}"#
        )
    }

    // MARK: File parts

    func testFilePartsAreTypedFromTheirNames() {
        let url = URL(fileURLWithPath: "/tmp/frames/IMG_0001.JPG")
        XCTAssertEqual(UploadFile(fileURL: url).contentType, "image/jpeg")
        XCTAssertEqual(UploadFile(data: Data(), fileName: "clip.mp4").contentType, "video/mp4")
        XCTAssertEqual(UploadFile(data: Data(), fileName: "dataset.zip").contentType, "application/zip")
        XCTAssertEqual(UploadFile(data: Data(), fileName: "annotations.json").contentType, "application/json")
        XCTAssertEqual(UploadFile(data: Data(), fileName: "scan.pcd.unknown").contentType, "application/octet-stream")
        XCTAssertEqual(UploadFile(data: Data(), fileName: "README").contentType, "application/octet-stream")
        XCTAssertEqual(UploadFile(data: Data(), fileName: ".jpg").contentType, "application/octet-stream")
        XCTAssertEqual(UploadFile(fileURL: url, contentType: "image/x-raw").contentType, "image/x-raw", "explicit wins")
    }

    // MARK: Form arrays

    private struct Upload: APIObject {
        var files: [UploadFile]?
        var paths: [String]?
        var mapping: [[String]]?
        var quality: Int?

        init(files: [UploadFile]? = nil, paths: [String]? = nil, mapping: [[String]]? = nil, quality: Int? = nil) {
            self.files = files
            self.paths = paths
            self.mapping = mapping
            self.quality = quality
        }

        static let fields: [ModelField<Upload>] = [
            ModelField("files", \.files), ModelField("paths", \.paths), ModelField("mapping", \.mapping),
            ModelField("quality", \.quality),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Upload>(decoder)
            self.files = values.files
            self.paths = values.paths
            self.mapping = values.mapping
            self.quality = values.quality
        }
    }

    /// The body of `body` sent as `multipart/form-data` with `encoding`.
    private func multipartBody(_ body: Upload, _ encoding: FormEncoding) async throws -> String {
        let transport = RecordingTransport()
        let session = APISession(
            configuration: Configuration(host: URL(string: "http://localhost")!),
            securitySchemes: [],
            transport: transport
        )
        let endpoint = Endpoint(
            id: "upload",
            method: .post,
            path: "/upload",
            requestContentTypes: ["multipart/form-data"],
            formEncoding: encoding
        )
        let _: ApiResponse<Void> = try await session.send(endpoint, [], body: body, options: RequestOptions())
        let last = await transport.requests.last
        return String(decoding: try XCTUnwrap(last?.body?.inMemoryData), as: UTF8.self)
    }

    /// The part names of `body` sent as `multipart/form-data` with `encoding`, in order.
    private func partNames(_ body: Upload, _ encoding: FormEncoding) async throws -> [String] {
        let text = try await multipartBody(body, encoding)
        return text.components(separatedBy: "form-data; name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    func testFormArraysAreNamedAsConfigured() async throws {
        let body = Upload(
            files: [
                UploadFile(data: Data("a".utf8), fileName: "a.png"),
                UploadFile(data: Data("b".utf8), fileName: "b.png"),
            ],
            paths: ["x", "y"],
            mapping: [["a.png"], ["b.png", "c.png"]],
            quality: 75
        )
        let repeated = try await partNames(body, .standard)
        XCTAssertEqual(repeated, ["files", "files", "paths", "paths", "mapping", "mapping", "quality"])
        let indexed = try await partNames(body, FormEncoding(arrayStyle: .indexed))
        XCTAssertEqual(
            indexed,
            [
                "files[0]", "files[1]", "paths[0]", "paths[1]", "mapping[0][0]", "mapping[1][0]", "mapping[1][1]",
                "quality",
            ]
        )
        let mixed = try await partNames(
            body,
            FormEncoding(
                arrayStyle: .indexed,
                properties: ["paths": .init(arrayStyle: .repeated), "mapping": .init(arrayStyle: .json)]
            )
        )
        XCTAssertEqual(mixed, ["files[0]", "files[1]", "paths", "paths", "mapping", "quality"])
        let comma = try await partNames(Upload(paths: ["x", "y"]), FormEncoding(arrayStyle: .commaSeparated))
        XCTAssertEqual(comma, ["paths"])
    }

    /// The schema's `encoding.contentType` types a property's parts.
    func testFormPartContentType() async throws {
        let text = try await multipartBody(
            Upload(paths: ["x"], quality: 1),
            FormEncoding(properties: ["paths": .init(contentType: "text/csv")])
        )
        XCTAssertTrue(text.contains("name=\"paths\"\r\nContent-Type: text/csv\r\n\r\nx\r\n"), text)
        XCTAssertTrue(text.contains("name=\"quality\"\r\n\r\n1\r\n"), text)
    }

    // MARK: Event streams

    /// Events split anywhere across chunks (a CRLF too) come out as the whole stream's do.
    func testEventStreamParsedAcrossChunkBoundaries() async throws {
        let stream =
            "\u{FEFF}: hello\r\nevent: update\r\ndata: {\"a\":\r\ndata: 1}\r\nid: 9\r\n\r\n"
            + "data:no space\rretry: 250\r\rdata: third\n\nid\ndata: reset\n\ndata: unterminated"
        let whole = try await events(in: [Data(stream.utf8)])
        XCTAssertEqual(
            whole,
            [
                .init(event: "update", data: "{\"a\":\n1}", id: "9"),
                .init(data: "no space", id: "9", retry: 250),
                .init(data: "third", id: "9"),
                .init(data: "reset"),
            ]
        )
        let bytes = Array(stream.utf8)
        for size in [1, 2, 3, 7, 16] {
            let chunks = stride(from: 0, to: bytes.count, by: size).map {
                Data(bytes[$0..<min($0 + size, bytes.count)])
            }
            let chunked = try await events(in: chunks)
            XCTAssertEqual(chunked, whole, "chunks of \(size) bytes")
        }
    }

    private func events(in chunks: [Data]) async throws -> [ServerSentEvents.Event] {
        let transport = ChunkedTransport(chunks: chunks)
        let (_, body) = try await transport.stream(
            HTTPRequest(method: .get, url: URL(string: "http://localhost/")!, headers: [:], body: nil),
            timeout: nil
        )
        var events: [ServerSentEvents.Event] = []
        for try await event in ServerSentEvents(body: body) {
            events.append(event)
        }
        return events
    }
}

/// Delivers a body in the given chunks.
private struct ChunkedTransport: HTTPTransport {
    let chunks: [Data]

    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        HTTPResponse(status: 200, body: chunks.reduce(Data(), +))
    }

    func download(_ request: HTTPRequest, to destination: URL, timeout: Duration?) async throws -> HTTPResponse {
        HTTPResponse(status: 200)
    }

    func stream(_ request: HTTPRequest, timeout: Duration?) async throws -> (HTTPResponse, ResponseBodyStream) {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
        for chunk in chunks { continuation.yield(chunk) }
        continuation.finish()
        return (HTTPResponse(status: 200), ResponseBodyStream(stream))
    }
}
