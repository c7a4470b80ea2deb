import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

/// Scenario 2: login, the token and session cookies it yields, CSRF on unsafe methods, logout.
final class SessionTests: EndToEndTestCase {
    func testLoginTokenCookiesCSRFAndLogout() async throws {
        let client = ApiClient(configuration: Configuration(host: server.url))
        let token = try await client.authApi.createLogin(
            loginSerializerExRequest: LoginSerializerExRequest(username: "admin", password: "secret")
        ).body()
        XCTAssertEqual(client.session.cookies, ["sessionid": "s3ss10n", "csrftoken": "csrf-t0ken"])

        client.session.updateConfiguration { $0.apiKeys["tokenAuth"] = token.key }
        guard case .user(let user) = try await client.usersApi.retrieveSelf().body() else {
            return XCTFail("the full user was expected")
        }
        XCTAssertEqual(user.username, "admin")
        XCTAssertEqual(user.groups, ["admin"])

        let detail = try await client.authApi.createLogout().body()
        XCTAssertEqual(detail.detail, "Successfully logged out.")
        XCTAssertEqual(client.session.cookies, [:], "expired cookies are dropped")

        let log = try await server.log()
        XCTAssertEqual(log.map(\.method), ["POST", "GET", "POST"])
        XCTAssertEqual(log[2].header("X-CSRFToken"), "csrf-t0ken")
        XCTAssertEqual(log[2].header("Origin"), server.url.absoluteString)
    }

    func testCredentialsNeverAppearInDescriptions() async throws {
        let configuration = Configuration(
            host: server.url,
            username: "admin",
            password: "hunter2-password",
            accessToken: "bearer-secret",
            apiKeys: ["tokenAuth": "token-secret"],
            cookies: ["sessionid": "cookie-secret"]
        )
        let client = ApiClient(configuration: configuration)
        let text = String(describing: configuration) + String(reflecting: configuration)
        for secret in ["hunter2-password", "bearer-secret", "token-secret", "cookie-secret"] {
            XCTAssertFalse(text.contains(secret), "\(secret) leaked into \(text)")
        }
        do {
            _ = try await client.tasksApi.retrieve(id: 404)
            XCTFail("404 expected")
        } catch let error as APIError {
            for secret in ["hunter2-password", "token-secret", "cookie-secret"] {
                XCTAssertFalse(String(describing: error).contains(secret))
            }
        }
    }
}
