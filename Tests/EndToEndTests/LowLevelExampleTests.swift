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
        XCTAssertEqual(try XCTUnwrap(task.createdDate).timeIntervalSince1970, 1_795_428_000.123456, accuracy: 1e-6)

        let images = [
            UploadFile(
                data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("first image".utf8) + Data([0, 1]),
                fileName: "image1.jpg",
                contentType: "image/jpeg"
            ),
            UploadFile(
                data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("second image\r\n--".utf8),
                fileName: "image2.jpg",
                contentType: "image/jpeg"
            ),
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
    }
}
