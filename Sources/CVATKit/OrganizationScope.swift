import CVAT
import Foundation
import SpecforgeRuntime

/// What lists an object's children (a task's jobs, a project's tasks, an issue's comments) in
/// the object's own organization, whatever organization the client is in — as cvat-sdk's
/// `get_paginated_collection(org_id=…)` does: `org_id=N`, or `org=` (empty: the personal
/// workspace) for an object outside organizations, and no `X-Organization` header, which CVAT
/// would otherwise weigh against the query.
enum OrganizationScope {
    @TaskLocal static var omitsHeader = false

    /// Every item of the list `list` makes from the `org` and `orgId` query arguments, every
    /// page requested without `X-Organization`.
    static func children<Page: PaginatedList>(
        in organization: Int?,
        _ list: (_ org: String?, _ orgId: Int?) -> PageSequence<Page>
    ) async throws -> [Page.Item] {
        try await $omitsHeader.withValue(true) {
            try await list(organization == nil ? "" : nil, organization).collect()
        }
    }
}

/// Drops `X-Organization` from the requests made inside `OrganizationScope.children`.
struct OrganizationHeaderMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest,
        context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard OrganizationScope.omitsHeader else { return try await next(request) }
        var request = request
        request.headers.remove("X-Organization")
        return try await next(request)
    }
}
