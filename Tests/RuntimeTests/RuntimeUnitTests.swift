import Foundation
import SpecforgeRuntime
import XCTest

private struct Label: APIModel {
    var name: String
}

private struct TaskRead: APIModel {
    var id: Int
    var labels: [Label]
}

private struct TaskPage: APIModel {
    var results: [TaskRead]
}

private struct Upload: Encodable, Sendable {
    var name: String
    var count: Int
    var tags: [String]
    var file: UploadFile
    var meta: Label
    var note: String?
}

private struct Shape: OpenEnum {
    let rawValue: String
    static let rectangle = Shape(rawValue: "rectangle")
    static let allCases: [Shape] = [.rectangle]
}

final class RuntimeUnitTests: XCTestCase {
    private let host = URL(string: "https://example.com:8443/base/")!

    private func makeSession(
        _ transport: RecordingTransport,
        configuration: Configuration? = nil,
        schemes: [SecuritySchemeSpec] = []
    ) -> APISession {
        APISession(
            configuration: configuration ?? Configuration(host: host),
            securitySchemes: schemes,
            transport: transport
        )
    }

    private func json(_ status: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    // MARK: Parameters

    func testQueryEncodingStylesAndEscaping() async throws {
        let endpoint = Endpoint(
            id: "list",
            method: .get,
            path: "/api/tasks",
            parameters: [
                .init("ids", in: .query, type: [Int].self),
                .init("tags", in: .query, type: [String].self, explode: false),
                .init("filter", in: .query, type: [String: String].self, style: .deepObject, explode: true),
                .init("search", in: .query, type: String.self),
                .init("page", in: .query, type: Int.self),
            ]
        )
        let transport = RecordingTransport()
        let arguments: [any ParameterValue] = [[1, 2], ["a", "b c"], ["name": "x"], "1+1 = 2", Int?.none]
        let _: ApiResponse<Void> = try await makeSession(transport).send(endpoint, arguments, options: RequestOptions())

        let request = await transport.lastRequest
        XCTAssertEqual(
            request?.url.absoluteString,
            "https://example.com:8443/base/api/tasks?ids=1&ids=2&tags=a,b%20c&filter%5Bname%5D=x&search=1%2B1%20%3D%202"
        )
    }

    func testPathParametersArePercentEncoded() async throws {
        let endpoint = Endpoint(
            id: "get",
            method: .get,
            path: "/api/files/{name}",
            parameters: [
                .init("name", in: .path, type: String.self, required: true)
            ]
        )
        let transport = RecordingTransport()
        let _: ApiResponse<Void> = try await makeSession(transport).send(
            endpoint,
            ["a/b c+?"],
            options: RequestOptions()
        )

        let request = await transport.lastRequest
        XCTAssertEqual(request?.url.absoluteString, "https://example.com:8443/base/api/files/a%2Fb%20c%2B%3F")
    }

    func testOptionalArgumentsAreLeftOutWhenNil() async throws {
        let endpoint = Endpoint(
            id: "list",
            method: .get,
            path: "/api/{kind}",
            parameters: [
                .init("kind", in: .path, type: String?.self, required: true),
                .init("a", in: .query, type: Int?.self),
                .init("b", in: .query, type: String??.self),
                .init("c", in: .query, type: String??.self),
                .init("X-D", in: .header, type: Bool?.self),
            ]
        )
        let transport = RecordingTransport()
        let session = makeSession(transport)
        let arguments: [any ParameterValue] = [
            "jobs" as String?, Int?.none, String??.some(nil), String??.some("x"), true,
        ]
        let _: ApiResponse<Void> = try await session.send(endpoint, arguments, options: RequestOptions())
        let request = await transport.lastRequest
        XCTAssertEqual(request?.url.absoluteString, "https://example.com:8443/base/api/jobs?c=x")
        XCTAssertEqual(request?.headers["X-D"], "true")

        let missingPath: [any ParameterValue] = [String?.none, 1, "", "", false]
        do {
            let _: ApiResponse<Void> = try await session.send(endpoint, missingPath, options: RequestOptions())
            XCTFail("a nil path parameter must be rejected")
        } catch {
            XCTAssertEqual("\(error)".contains("requires the path parameter 'kind'"), true, "\(error)")
        }
    }

    // MARK: Bodies

    func testMultipartBodyFraming() async throws {
        let endpoint = Endpoint(
            id: "upload",
            method: .post,
            path: "/upload",
            requestContentTypes: ["multipart/form-data"]
        )
        let transport = RecordingTransport()
        let upload = Upload(
            name: "cat",
            count: 2,
            tags: ["x", "y"],
            file: UploadFile(data: Data("PNG".utf8), fileName: "a.png", contentType: "image/png"),
            meta: Label(name: "m"),
            note: nil
        )
        let _: ApiResponse<Void> = try await makeSession(transport).send(
            endpoint,
            [],
            body: upload,
            options: RequestOptions()
        )

        let recorded = await transport.lastRequest
        let request = try XCTUnwrap(recorded)
        let contentType = try XCTUnwrap(request.headers["Content-Type"])
        XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let body = String(decoding: try XCTUnwrap(request.body?.inMemoryData), as: UTF8.self)

        // Every delimiter is preceded by CRLF except the first, hence the CRLF prepended here.
        // Splitting leaves "" before the first part and "--\r\n" after the closing delimiter.
        let pieces = ("\r\n" + body).components(separatedBy: "\r\n--\(boundary)")
        XCTAssertEqual(pieces.first, "")
        XCTAssertEqual(pieces.last, "--\r\n")
        let parts = pieces.dropFirst().dropLast().map { piece in
            piece.hasPrefix("\r\n") ? String(piece.dropFirst("\r\n".count)) : "<missing CRLF> " + piece
        }
        XCTAssertEqual(
            parts,
            [
                "Content-Disposition: form-data; name=\"name\"\r\n\r\ncat",
                "Content-Disposition: form-data; name=\"count\"\r\n\r\n2",
                "Content-Disposition: form-data; name=\"tags\"\r\n\r\nx",
                "Content-Disposition: form-data; name=\"tags\"\r\n\r\ny",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNG",
                "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"name\":\"m\"}",
            ]
        )
    }

    // MARK: Cookies, CSRF and authentication

    func testSetCookieHeadersUpdateTheJar() async throws {
        let endpoint = Endpoint(id: "login", method: .get, path: "/login")
        let transport = RecordingTransport([
            HTTPResponse(
                status: 200,
                headers: [
                    ("Set-Cookie", "sessionid=abc; HttpOnly; Path=/"),
                    ("Set-Cookie", "csrftoken=t1; expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/, theme=dark; Path=/"),
                ]
            ),
            HTTPResponse(status: 200, headers: [("Set-Cookie", "sessionid=\"\"; Max-Age=0; Path=/")]),
        ])
        let session = makeSession(transport)
        let _: ApiResponse<Void> = try await session.send(endpoint, [], options: RequestOptions())
        XCTAssertEqual(session.cookies, ["sessionid": "abc", "csrftoken": "t1", "theme": "dark"])

        let _: ApiResponse<Void> = try await session.send(endpoint, [], options: RequestOptions())
        XCTAssertNil(session.cookie(named: "sessionid"))
        let request = await transport.lastRequest
        XCTAssertEqual(request?.headers["Cookie"], "csrftoken=t1; sessionid=abc; theme=dark")
    }

    func testCSRFHeadersOnlyOnUnsafeMethods() async throws {
        let transport = RecordingTransport()
        let session = makeSession(transport)
        session.setCookie("csrftoken", "tok")

        let _: ApiResponse<Void> = try await session.send(
            Endpoint(id: "read", method: .get, path: "/x"),
            [],
            options: RequestOptions()
        )
        let get = await transport.lastRequest
        XCTAssertNil(get?.headers["X-CSRFToken"])
        XCTAssertEqual(get?.headers["Cookie"], "csrftoken=tok")

        let _: ApiResponse<Void> = try await session.send(
            Endpoint(id: "delete", method: .delete, path: "/x"),
            [],
            options: RequestOptions()
        )
        let delete = await transport.lastRequest
        XCTAssertEqual(delete?.headers["X-CSRFToken"], "tok")
        XCTAssertEqual(delete?.headers["Origin"], "https://example.com:8443")
    }

    func testAuthenticationHeaders() async throws {
        let schemes = [
            SecuritySchemeSpec("basicAuth", .httpBasic),
            SecuritySchemeSpec("tokenAuth", .apiKey(name: "Authorization", location: .header), prefix: "Token"),
            SecuritySchemeSpec("sessionAuth", .apiKey(name: "sessionid", location: .cookie)),
        ]
        let endpoint = Endpoint(
            id: "me",
            method: .get,
            path: "/me",
            security: [["tokenAuth"], ["basicAuth"], ["sessionAuth"], []]
        )

        let transport = RecordingTransport()
        let tokenOnly = Configuration(host: host, apiKeys: ["tokenAuth": "k1", "sessionAuth": "s1"])
        let _: ApiResponse<Void> = try await makeSession(transport, configuration: tokenOnly, schemes: schemes)
            .send(endpoint, [], options: RequestOptions())
        let tokenRequest = await transport.lastRequest
        XCTAssertEqual(tokenRequest?.headers.values(for: "Authorization"), ["Token k1"])
        XCTAssertEqual(tokenRequest?.headers["Cookie"], "sessionid=s1")

        // The first scheme with credentials keeps the Authorization header; prefixes can be overridden.
        let both = Configuration(
            host: host,
            username: "u",
            password: "p",
            apiKeys: ["tokenAuth": "k1"],
            apiKeyPrefixes: ["tokenAuth": "Key"]
        )
        let _: ApiResponse<Void> = try await makeSession(transport, configuration: both, schemes: schemes)
            .send(endpoint, [], options: RequestOptions())
        let bothRequest = await transport.lastRequest
        XCTAssertEqual(bothRequest?.headers.values(for: "Authorization"), ["Key k1"])

        XCTAssertFalse(both.description.contains("k1"))
        XCTAssertFalse(both.description.contains("\"p\""))
        XCTAssertTrue(both.description.contains("password: <redacted>"))
    }

    /// A credential that no scheme of the API can send stops the request with the reason,
    /// instead of being dropped and leaving the user with a 401.
    func testCredentialsNoSchemeCanSendAreAnError() async throws {
        let endpoint = Endpoint(id: "me", method: .get, path: "/me")
        let transport = RecordingTransport()
        let configuration = Configuration(host: host, accessToken: "t", apiKeys: ["token": "k"])
        do {
            let _: ApiResponse<Void> = try await makeSession(transport, configuration: configuration)
                .send(endpoint, [], options: RequestOptions())
            XCTFail("a request was sent with credentials it cannot carry")
        } catch let error as APIError {
            XCTAssertEqual(
                error.description,
                "Invalid input: The configuration sets credentials this API cannot send: accessToken (the API "
                    + "declares no bearer scheme); apiKeys[\"token\"] (no API key scheme of that name; it declares "
                    + "none). Declare the scheme in the OpenAPI document, or in specforge.yaml (securitySchemes:)."
            )
        }
        let sent = await transport.requests.count
        XCTAssertEqual(sent, 0)
        // With the schemes declared, the same configuration is sent.
        let schemes = [
            SecuritySchemeSpec("bearer", .httpBearer),
            SecuritySchemeSpec("token", .apiKey(name: "X-Key", location: .header)),
        ]
        let _: ApiResponse<Void> = try await makeSession(transport, configuration: configuration, schemes: schemes)
            .send(Endpoint(id: "me", method: .get, path: "/me", security: [["bearer"]]), [], options: RequestOptions())
        let request = await transport.lastRequest
        XCTAssertEqual(request?.headers["Authorization"], "Bearer t")
    }

    // MARK: Responses

    func testPrimaryResponseDecodingAndStatusErrors() async throws {
        let endpoint = Endpoint(
            id: "get",
            method: .get,
            path: "/t",
            responses: [
                .init("200", contentType: "application/json", type: TaskRead.self, isPrimary: true),
                .init("202", contentType: "application/json", type: JSONValue.self),
            ]
        )
        let transport = RecordingTransport([
            json(200, #"{"id":1,"labels":[]}"#), json(202, #"{"id":"rq"}"#), json(404, #"{"detail":"nope"}"#),
        ])
        let session = makeSession(transport)

        let ok: ApiResponse<TaskRead> = try await session.send(endpoint, [], options: RequestOptions())
        XCTAssertEqual(try ok.body(), TaskRead(id: 1, labels: []))

        let accepted: ApiResponse<TaskRead> = try await session.send(endpoint, [], options: RequestOptions())
        XCTAssertNil(accepted.data)
        XCTAssertEqual(try accepted.decode([String: String].self), ["id": "rq"])

        do {
            let _: ApiResponse<TaskRead> = try await session.send(endpoint, [], options: RequestOptions())
            XCTFail("expected a status error")
        } catch let error as APIError {
            XCTAssertTrue(error.isNotFound)
            XCTAssertEqual(error.statusCode, 404)
        }
    }

    func testDecodingErrorNamesTheFieldPath() throws {
        let body = Data(#"{"results":[{"id":1,"labels":[]},{"id":2,"labels":[{"name":3}]}]}"#.utf8)
        XCTAssertThrowsError(try TaskPage(jsonData: body)) { error in
            guard case .decoding(let type, let codingPath, _, let excerpt)? = error as? APIError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(type, "TaskPage")
            XCTAssertEqual(codingPath, "results[1].labels[0].name")
            XCTAssertTrue(excerpt.hasPrefix(#"{"results""#))
        }
    }

    // MARK: Models

    func testOpenEnumKeepsUnknownValues() throws {
        let decoded = try JSONCoding.decoder().decode([Shape].self, from: Data(#"["rectangle","hexagon"]"#.utf8))
        XCTAssertEqual(decoded, [.rectangle, Shape(rawValue: "hexagon")])
        XCTAssertTrue(decoded[0].isKnown)
        XCTAssertFalse(decoded[1].isKnown)
        XCTAssertEqual(String(decoding: try JSONCoding.encode(decoded), as: UTF8.self), #"["rectangle","hexagon"]"#)
        XCTAssertEqual(decoded[1].description, "hexagon")
    }

    func testCalendarDate() throws {
        XCTAssertEqual(CalendarDate("2024-02-29"), CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate("2023-02-29"))
        XCTAssertNil(CalendarDate("2024-2-1"))
        XCTAssertEqual(CalendarDate(year: 987, month: 6, day: 5).description, "0987-06-05")
        XCTAssertLessThan(CalendarDate(year: 2024, month: 1, day: 31), CalendarDate(year: 2024, month: 2, day: 1))
        let lateEvening = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
        XCTAssertEqual(CalendarDate(lateEvening), CalendarDate(year: 2023, month: 11, day: 14))
        XCTAssertEqual(
            CalendarDate(lateEvening, timeZone: TimeZone(secondsFromGMT: 3 * 3600)!),
            CalendarDate(year: 2023, month: 11, day: 15)
        )
        XCTAssertEqual(
            try JSONCoding.encode([CalendarDate(year: 2024, month: 1, day: 2)]),
            Data(#"["2024-01-02"]"#.utf8)
        )
    }

    func testJSONValueRoundTrip() throws {
        let text = #"{"a":[1,2.5,true,null,"s"],"b":{"c":false}}"#
        let value = try JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        XCTAssertEqual(value, ["a": [1, 2.5, true, nil, "s"], "b": ["c": false]])
        XCTAssertEqual(try JSONValue(any: JSONSerialization.jsonObject(with: Data(text.utf8))), value)
        XCTAssertEqual(try JSONValue(any: value.anyValue), value)
        let reencoded = try JSONCoding.decoder().decode(JSONValue.self, from: JSONCoding.encode(value))
        XCTAssertEqual(reencoded, value)
    }

    func testDateDecodingWithAndWithoutFractionalSeconds() throws {
        let strings = [
            "2024-05-01T12:30:00Z", "2024-05-01T12:30:00.250Z", "2024-05-01T12:30:00.250123Z",
            "2024-05-01T14:30:00.250+02:00", "2024-05-01",
        ]
        let data = try JSONSerialization.data(withJSONObject: strings)
        let dates = try JSONCoding.decoder().decode([Date].self, from: data).map(\.timeIntervalSince1970)
        let noon = 1_714_566_600.0
        XCTAssertEqual(dates[0], noon)
        XCTAssertEqual(dates[1], noon + 0.25, accuracy: 0.000_001)
        XCTAssertEqual(dates[2], noon + 0.250_123, accuracy: 0.000_001)
        XCTAssertEqual(dates[3], noon + 0.25, accuracy: 0.000_001)
        XCTAssertEqual(dates[4], noon - 12.5 * 3600)

        let encoded = try JSONCoding.encode([Date(timeIntervalSince1970: noon + 0.25)])
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self), #"["2024-05-01T12:30:00.25Z"]"#)
    }
}
