import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

/// Scenario 1: the seed's low-level example, step by step, with basic auth.
final class LowLevelExampleTests: EndToEndTestCase {
    func testCreateTaskUploadImagesPollAndRetrieve() async throws {
        let client = ApiClient(configuration: adminConfiguration)

        // A model built from a plain JSON dictionary, as the SDK allows.
        let spec = try TaskWriteRequest(jsonObject: [
            "name": "example task",
            "labels": [
                [
                    "name": "car", "color": "#ff00ff",
                    "attributes": [
                        [
                            "name": "a", "mutable": true, "input_type": "number", "default_value": "5",
                            "values": ["4", "5", "6"],
                        ]
                    ],
                ]
            ],
        ])
        XCTAssertEqual(spec.labels?.first?.attributes?.first?.inputType, .number)
        let created = try await client.tasksApi.create(taskWriteRequest: spec)
        XCTAssertEqual(created.status, 201)
        let task = try created.body()
        XCTAssertEqual(task.id, 42)
        // 2026-11-23T10:00:00.123456Z: Django's microseconds survive decoding.
        XCTAssertEqual(task.createdDate, DateTime(secondsSince1970: 1_795_428_000, nanoseconds: 123_456_000))
        XCTAssertEqual(
            try XCTUnwrap(task.createdDate?.date).timeIntervalSince1970,
            1_795_428_000.123456,
            accuracy: 1e-6
        )

        // One file from disk and one from memory; neither names its type: both are guessed
        // from the file name (image/jpeg), as Python's SDK does.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let firstImage = directory.appendingPathComponent("image1.jpg")
        try (Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("first image".utf8) + Data([0, 1])).write(to: firstImage)
        let images = [
            UploadFile(fileURL: firstImage),
            UploadFile(data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("second image\r\n--".utf8), fileName: "image2.jpg"),
        ]
        let upload = try await client.tasksApi.createData(
            id: 42,
            dataRequest: DataRequest(imageQuality: 75, clientFiles: images),
            options: RequestOptions(checkStatus: false, contentType: "multipart/form-data")
        )
        XCTAssertEqual(upload.status, 202)
        guard case .rqId(let request)? = upload.data else {
            return XCTFail("expected a request id, got \(String(describing: upload.data))")
        }

        var status = RequestStatus.queued
        var polls = 0
        while status != .finished, status != .failed, polls < 100 {
            status = try await client.requestsApi.retrieve(id: request.rqId).body().status
            polls += 1
        }
        XCTAssertEqual(status, .finished)
        XCTAssertEqual(polls, 3, "queued, started, finished")

        // The server counted the files it could read: both, under `client_files[0]` and `[1]`.
        let refreshed = try await client.tasksApi.retrieve(id: 42).body()
        XCTAssertEqual(refreshed.size, 2)

        let log = try await server.log()
        XCTAssertEqual(
            log.map { "\($0.method) \($0.target)" },
            [
                "POST /api/tasks", "POST /api/tasks/42/data/", "GET /api/requests/create%3Atask-42",
                "GET /api/requests/create%3Atask-42", "GET /api/requests/create%3Atask-42", "GET /api/tasks/42",
            ]
        )
        // The JSON body carries the schema's property names and omits what was not set.
        let body = try JSONSerialization.jsonObject(with: log[0].bodyData) as? [String: Any]
        XCTAssertEqual(body?.keys.sorted(), ["labels", "name"])
        XCTAssertEqual(log[0].header("Content-Length"), String(log[0].bodyData.count))
        let parts = String(decoding: log[1].bodyData, as: UTF8.self)
        XCTAssertTrue(parts.contains(#"name="client_files[0]"; filename="image1.jpg""#), parts)
        XCTAssertTrue(parts.contains(#"name="client_files[1]"; filename="image2.jpg""#), parts)
    }

    /// The same upload with the files under a repeated `client_files` name, as an HTML form (and
    /// this client before `forms: {arrays: indexed}` in Schemas/cvat.yaml) sends them. Django REST
    /// framework reads a list of nested serializers only from indexed names, so a real CVAT
    /// server reads no files from it and the task's creation fails: so does the fake server's.
    func testFilesUnderARepeatedNameAreNotReadByTheServer() async throws {
        let client = ApiClient(configuration: adminConfiguration)
        let repeated = Endpoint(
            id: TasksApi.createDataEndpoint.id,
            method: .post,
            path: TasksApi.createDataEndpoint.path,
            parameters: TasksApi.createDataEndpoint.parameters,
            requestContentTypes: ["multipart/form-data"],
            formEncoding: .standard,
            responses: TasksApi.createDataEndpoint.responses,
            security: TasksApi.createDataEndpoint.security
        )
        XCTAssertEqual(TasksApi.createDataEndpoint.formEncoding.arrayStyle, .indexed, "what Schemas/cvat.yaml chooses")
        let images = [
            UploadFile(
                data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("first image".utf8) + Data([0, 1]),
                fileName: "image1.jpg"
            ),
            UploadFile(data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("second image\r\n--".utf8), fileName: "image2.jpg"),
        ]
        let upload: ApiResponse<DataResponse> = try await client.session.send(
            repeated,
            [42, Bool?.none, Bool?.none, Bool?.none],
            body: DataRequest(imageQuality: 75, clientFiles: images),
            options: RequestOptions()
        )
        XCTAssertEqual(upload.status, 202, "the server accepts the request…")
        var request = try await client.requestsApi.retrieve(id: "create:task-42").body()
        while request.status != .finished, request.status != .failed {
            request = try await client.requestsApi.retrieve(id: "create:task-42").body()
        }
        XCTAssertEqual(request.status, .failed, "…but reads no files from it")
        XCTAssertEqual(request.message, "No media data found")
        let task = try await client.tasksApi.retrieve(id: 42).body()
        XCTAssertEqual(task.size, 0)
        let log = try await server.log()
        let parts = String(decoding: log[0].bodyData, as: UTF8.self)
        XCTAssertEqual(parts.components(separatedBy: #"name="client_files"; filename="#).count - 1, 2, parts)
    }
}
