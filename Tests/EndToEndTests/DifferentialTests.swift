import CVAT
import Foundation
import SpecforgeRuntime
import TestSupport
import XCTest

/// The end-to-end scenarios' requests, made by this client and by CVAT's own Python SDK
/// (`cvat-sdk` 2.71.0, whose schema matches 2.72's) against the same fake server, compared
/// request by request: method, path, query as a multiset, the headers that mean something to
/// the server, JSON bodies as parsed JSON, multipart bodies part by part.
///
/// The Python SDK's requests must pass every check the fake server makes of what CVAT reads
/// (it skips only the checks of this client's own spelling): if they did not, the fake would
/// be stricter than the real server, or wrong.
///
/// Differences that are deliberate, and normalised before comparing:
/// - Booleans in queries and form fields are `true`/`false` (OpenAPI, JSON); Python writes
///   `True`/`False`. Django REST framework reads both.
/// - Date-times are sent in UTC as `…Z`, as Django writes them; Python writes `…+00:00`. The
///   same instant, with the same microseconds.
/// - `X-CSRFToken` and `Origin` go with unsafe methods only (Django checks CSRF on those only);
///   Python sends them on every request once it holds a CSRF token.
/// - A request without a body has no `Content-Type`; Python sends `application/json` on every
///   POST, PUT and PATCH.
/// - `User-Agent`, `Accept-Encoding`, `Content-Length`, `Host` and the multipart boundary are
///   not compared, nor the order of query items, cookies or JSON keys (JSON keys are in schema
///   order here, in the order the arguments were given in Python).
final class DifferentialTests: EndToEndTestCase {
    /// The Python of a virtualenv holding cvat-sdk: `CVAT_SDK_PYTHON`, or where `make cvat-sdk`
    /// creates it.
    private static var python: String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [
            environment["CVAT_SDK_PYTHON"],
            environment["HOME"].map { $0 + "/.cache/specforge/cvat-sdk-2.71.0/bin/python" },
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testRequestsMatchCVATsPythonSDK() async throws {
        guard let python = Self.python else {
            throw XCTSkip("cvat-sdk is not installed: `make cvat-sdk` creates its virtualenv (`make test` does too)")
        }
        try await makeRequestsWithSwift()
        let ours = try await server.log()
        let ourFailures = try await server.failures()
        XCTAssertEqual(ourFailures, [])

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Differential/cvat_sdk_scenarios.py")
        let (status, errors) = try runProgram(python, [script.path, server.url.absoluteString])
        XCTAssertEqual(status, 0, errors)
        let theirs = try await server.log()
        let theirFailures = try await server.failures()
        XCTAssertEqual(theirFailures, [], "the fake server refused what CVAT's own SDK sends")

        XCTAssertEqual(ours.count, theirs.count, "\(ours.map(\.target)) vs \(theirs.map(\.target))")
        XCTAssertGreaterThanOrEqual(ours.count, 20)
        for (index, (mine, python)) in zip(ours, theirs).enumerated() {
            let left = try ComparableRequest(mine)
            let right = try ComparableRequest(python)
            XCTAssertEqual(left, right, "request \(index): \(mine.method) \(mine.target)")
        }
    }

    /// The calls `Tests/Differential/cvat_sdk_scenarios.py` makes, in the same order.
    private func makeRequestsWithSwift() async throws {
        let admin = ApiClient(configuration: adminConfiguration)

        // Scenario 1: the seed's low-level example.
        let spec = TaskWriteRequest.exampleTask
        _ = try await admin.tasksApi.create(taskWriteRequest: spec)
        let images = [
            UploadFile(
                data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("first image".utf8) + Data([0, 1]),
                fileName: "image1.jpg"
            ),
            UploadFile(data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("second image\r\n--".utf8), fileName: "image2.jpg"),
        ]
        _ = try await admin.tasksApi.createData(
            id: 42,
            dataRequest: DataRequest(imageQuality: 75, clientFiles: images),
            options: RequestOptions(contentType: "multipart/form-data")
        )
        try await poll(admin, "create:task-42")
        _ = try await admin.tasksApi.retrieve(id: 42)

        // PATCH: an explicit null, then a key left out.
        _ = try await admin.tasksApi.partialUpdate(id: 43, patchedTaskWriteRequest: .init(assigneeId: .null))
        _ = try await admin.tasksApi.partialUpdate(id: 44, patchedTaskWriteRequest: .init(name: "renamed"))

        // Date-times with microseconds.
        let expiry = try XCTUnwrap(DateTime("2026-12-31T23:59:59.123456Z"))
        _ = try await admin.authApi.createAccessTokens(
            accessTokenWriteRequest: AccessTokenWriteRequest(name: "ci", expiryDate: .value(expiry))
        )

        // Scenario 2: login, token, session cookies and CSRF, logout.
        let anonymous = ApiClient(configuration: Configuration(host: server.url))
        let token = try await anonymous.authApi.createLogin(
            loginSerializerExRequest: LoginSerializerExRequest(username: "admin", password: "secret")
        ).body()
        anonymous.session.updateConfiguration { $0.apiKeys["tokenAuth"] = token.key }
        _ = try await anonymous.usersApi.retrieveSelf()
        _ = try await anonymous.authApi.createLogout()

        // Scenario 3: pagination, page by page; scenario 7: organization context.
        _ = try await admin.projectsApi.list(pageSize: 2)
        _ = try await admin.projectsApi.list(page: 2, pageSize: 2)
        _ = try await admin.projectsApi.list(page: 3, pageSize: 2)
        _ = try await admin.tasksApi.list(xOrganization: "acme", org: "acme", orgId: 3, pageSize: 10)

        // Scenario 4: a dataset export, polled.
        let exported = try await admin.projectsApi.createDatasetExport(
            id: 7,
            format: "CVAT for images 1.1",
            saveImages: true
        ).body()
        try await poll(admin, exported.rqId)
    }

    private func poll(_ client: ApiClient, _ id: String) async throws {
        var status = try await client.requestsApi.retrieve(id: id).body().status
        while status != .finished, status != .failed {
            status = try await client.requestsApi.retrieve(id: id).body().status
        }
    }

}

/// A recorded request reduced to what the server reads, with the deliberate differences above
/// normalised.
private struct ComparableRequest: Equatable, CustomStringConvertible {
    struct Part: Equatable {
        let name: String
        let fileName: String?
        let contentType: String?
        let payload: Data
    }

    enum Body: Equatable {
        case none
        case json(NSObject)
        case multipart([Part])
        case other(Data)
    }

    let method: String
    let path: String
    let query: [String]
    let headers: [String: String]
    let body: Body

    /// Headers the server reads. CSRF headers only where Django checks them.
    private static let meaningfulHeaders = [
        "Authorization", "Accept", "X-Organization", "Upload-Start", "Upload-Multiple", "Upload-Finish",
    ]

    init(_ request: FakeCVATServer.RecordedRequest) throws {
        method = request.method
        let target = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(target[0])
        query = (target.count > 1 ? target[1].split(separator: "&") : []).map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                ($0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0))
            }
            return pair[0] + "=" + Self.boolean(pair.count > 1 ? pair[1] : "")
        }.sorted()

        var headers: [String: String] = [:]
        for name in Self.meaningfulHeaders {
            if let value = request.header(name) { headers[name] = value }
        }
        if let cookie = request.header("Cookie") {
            headers["Cookie"] = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
                .joined(separator: "; ")
        }
        if !["GET", "HEAD", "OPTIONS", "TRACE"].contains(method) {
            for name in ["X-CSRFToken", "Origin"] {
                if let value = request.header(name) { headers[name] = value }
            }
        }
        let contentType = request.header("Content-Type") ?? ""
        let data = request.bodyData
        if data.isEmpty {
            body = .none
        } else if contentType.hasPrefix("application/json") {
            headers["Content-Type"] = "application/json"
            let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            body = .json(Self.normalised(json) as! NSObject)
        } else if contentType.hasPrefix("multipart/form-data; boundary=") {
            headers["Content-Type"] = "multipart/form-data"
            let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
            body = .multipart(try Self.parts(of: data, boundary: boundary))
        } else {
            headers["Content-Type"] = contentType
            body = .other(data)
        }
        self.headers = headers
    }

    var description: String {
        "\(method) \(path) \(query) \(headers.sorted { $0.key < $1.key }) \(body)"
    }

    private static func boolean(_ text: String) -> String {
        ["true", "false"].contains(text.lowercased()) ? text.lowercased() : text
    }

    /// JSON with every date-time string in one spelling (UTC, `Z`) and booleans as they are.
    private static func normalised(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.mapValues(normalised) as NSDictionary
        case let array as [Any]:
            return array.map(normalised) as NSArray
        case let string as String:
            if string.count >= 20, string.contains("T"),
                let date = try? JSONCoding.decode(Date.self, from: Data("\"\(string)\"".utf8)),
                let text = try? JSONCoding.encode(date)
            {
                return String(decoding: text, as: UTF8.self) as NSString
            }
            return string as NSString
        default:
            return value
        }
    }

    /// The parts of a multipart body, in order.
    private static func parts(of body: Data, boundary: String) throws -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Part] = []
        var position = body.startIndex
        while let start = body.range(of: delimiter, in: position..<body.endIndex) {
            let afterDelimiter = start.upperBound
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: afterDelimiter..<body.endIndex) else {
                break
            }
            let part = body[body.index(afterDelimiter, offsetBy: 2)..<next.lowerBound]
            guard let split = part.range(of: Data("\r\n\r\n".utf8)) else {
                throw APIError.invalidInput("a part without a blank line after its headers")
            }
            let headerLines = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
                .components(separatedBy: "\r\n")
            var name = ""
            var fileName: String?
            var contentType: String?
            for line in headerLines {
                if line.lowercased().hasPrefix("content-disposition:") {
                    name = parameter("name", in: line) ?? ""
                    fileName = parameter("filename", in: line)
                } else if line.lowercased().hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            var payload = Data(part[split.upperBound...])
            if fileName == nil, let text = String(data: payload, encoding: .utf8) {
                payload = Data(boolean(text).utf8)
            }
            parts.append(Part(name: name, fileName: fileName, contentType: contentType, payload: payload))
            position = next.lowerBound
        }
        return parts
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        guard let range = header.range(of: "; \(name)=\"") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != "\"" })
    }
}
