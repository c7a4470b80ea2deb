import Foundation
import SpecforgeRuntime
import StatusClient
import XCTest

/// The committed client (written by the `generate-client` command plugin) works like the other.
final class StatusClientTests: XCTestCase {
    func testHealthCheck() async throws {
        let client = ApiClient(configuration: Configuration(host: BoardServer.shared.url))
        let health = try await client.healthApi.retrieve().body()
        XCTAssertEqual(health.status, .ok)
        XCTAssertEqual(health.version, "1.2")
        let isUp = await client.isUp()
        XCTAssertTrue(isUp)
    }
}
