import CVAT
import Foundation
import SpecforgeRuntime
import XCTest

final class PaginationAndOrganizationTests: EndToEndTestCase {
    private var client: ApiClient {
        ApiClient(configuration: adminConfiguration)
    }

    /// Scenario 3: every item of a list, across three pages, by following `next` links.
    func testPaginatedListIsWalkedThroughNextLinks() async throws {
        var ids: [Int] = []
        for try await project in client.projectsApi.listAllItems(pageSize: 2) {
            ids.append(try XCTUnwrap(project.id))
        }
        XCTAssertEqual(ids, [1, 2, 3, 4, 5])
        let log = try await server.log()
        XCTAssertEqual(
            log.map(\.target),
            [
                "/api/projects?page_size=2", "/api/projects?page=2&page_size=2", "/api/projects?page=3&page_size=2",
            ]
        )
    }

    /// Scenario 7: organization context as ordinary parameters: `org`, `org_id`, `X-Organization`.
    func testOrganizationContextParameters() async throws {
        let page = try await client.tasksApi.list(xOrganization: "acme", org: "acme", orgId: 3, pageSize: 10).body()
        XCTAssertEqual(page.results.map(\.id), [7])
        let spec = TaskWriteRequest.exampleTask
        let created = try await client.tasksApi.create(taskWriteRequest: spec, orgId: 3)
        XCTAssertEqual(created.status, 201)
        let log = try await server.log()
        XCTAssertEqual(log.map(\.target), ["/api/tasks?org=acme&org_id=3&page_size=10", "/api/tasks?org_id=3"])
        XCTAssertEqual(log[0].header("X-Organization"), "acme")
    }
}
