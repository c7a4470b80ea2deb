import Foundation
import SpecforgeRuntime
import XCTest

/// Request bodies in every media type the runtime supports, checked byte for byte.
final class BodyEncodingTests: XCTestCase {
    private struct Filter: Codable, Sendable {
        var name: String
        var tags: [String]
        var limits: [String: Int]
        var note: String?
    }

    private func send(_ body: any Encodable & Sendable, types: [String], contentType: String? = nil) async throws
        -> HTTPRequest
    {
        let recorder = RecordingTransport()
        let session = APISession(
            configuration: Configuration(host: URL(string: "http://127.0.0.1:1")!),
            securitySchemes: [],
            transport: recorder
        )
        let endpoint = Endpoint(id: "op", method: .post, path: "/op", requestContentTypes: types)
        let _: ApiResponse<Void> = try await session.send(
            endpoint,
            [],
            body: body,
            options: RequestOptions(contentType: contentType)
        )
        let requests = await recorder.requests
        return try XCTUnwrap(requests.first)
    }

    func testFormURLEncodedBody() async throws {
        let request = try await send(
            Filter(name: "a b+c", tags: ["x", "y"], limits: ["max": 3], note: nil),
            types: ["application/x-www-form-urlencoded"]
        )
        XCTAssertEqual(request.headers["Content-Type"], "application/x-www-form-urlencoded")
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(request.body?.inMemoryData), as: UTF8.self),
            "name=a%20b%2Bc&tags=x&tags=y&limits%5Bmax%5D=3"
        )
    }

    func testJSONBodyUsesWireNamesAndOmitsNil() async throws {
        let request = try await send(
            Filter(name: "n", tags: [], limits: [:], note: nil),
            types: ["application/json", "multipart/form-data"]
        )
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        let object = try JSONSerialization.jsonObject(with: try XCTUnwrap(request.body?.inMemoryData)) as? [String: Any]
        XCTAssertEqual(object?.keys.sorted(), ["limits", "name", "tags"])
    }

    func testContentTypeOptionSelectsMultipart() async throws {
        let request = try await send(
            Filter(name: "n", tags: [], limits: [:], note: "x"),
            types: ["application/json", "multipart/form-data"],
            contentType: "multipart/form-data"
        )
        XCTAssertTrue(request.headers["Content-Type"]?.hasPrefix("multipart/form-data; boundary=") == true)
    }

    func testRawBytesAndFilesFromDisk() async throws {
        let bytes = Data([0, 1, 2, 255])
        let raw = try await send(bytes, types: ["application/octet-stream"])
        XCTAssertEqual(raw.body?.inMemoryData, bytes)
        XCTAssertEqual(raw.headers["Content-Type"], "application/octet-stream")

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let upload = try await send(
            UploadFile(fileURL: file, contentType: "image/png"),
            types: ["application/octet-stream"]
        )
        XCTAssertEqual(upload.body?.inMemoryData, bytes)
        XCTAssertEqual(UploadFile(fileURL: file).fileName, file.lastPathComponent)
    }

    func testEventStreamParsing() async throws {
        var events: [ServerSentEvents.Event] = []
        for try await event in ServerSentEvents(parsing: Data("id: 7\nevent: a\ndata: x\n\n: comment\n\ndata\n\n".utf8))
        {
            events.append(event)
        }
        // `data` with no colon is a data line with an empty value; the last event ID carries over.
        XCTAssertEqual(events, [.init(event: "a", data: "x", id: "7"), .init(data: "", id: "7")])
    }

    private struct Chain: APIObject {
        var name: String
        @Indirect var next: Chain?

        init(name: String, next: Chain? = nil) {
            self.name = name
            self.next = next
        }

        static let fields: [ModelField<Chain>] = [
            ModelField("name", \.name),
            ModelField("next", \.next),
        ]

        init(from decoder: any Decoder) throws {
            let values = try ModelValues<Chain>(decoder)
            self.name = values.name
            self.next = values.next
        }
    }

    func testIndirectPropertiesCodeLikePlainOptionals() throws {
        let decoded = try Chain(jsonData: Data(#"{"name": "a", "next": {"name": "b", "next": null}}"#.utf8))
        XCTAssertEqual(decoded.next?.name, "b")
        XCTAssertNil(decoded.next?.next)
        XCTAssertNil(try Chain(jsonData: Data(#"{"name": "c"}"#.utf8)).next, "an absent key is nil")
        var copy = decoded
        copy.next = Chain(name: "z")
        XCTAssertEqual(decoded.next?.name, "b", "copies stay independent")
        XCTAssertNotEqual(copy, decoded)
        let encoded = try JSONSerialization.jsonObject(with: try Chain(name: "x").jsonData()) as? [String: Any]
        XCTAssertEqual(encoded?.keys.sorted(), ["name"], "nil is omitted")
    }
}
