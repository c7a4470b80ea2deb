import CVAT
import Foundation
import SpecforgeRuntime

/// `client.organizations`.
public typealias OrganizationsRepository = Repository<OrganizationEntity>

/// An organization: a shared space of projects and tasks, chosen with
/// `CVATClient.organizationSlug` or `withOrganization(_:_:)`.
public final class OrganizationEntity: Entity<OrganizationRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }
}

extension OrganizationEntity: CreatableObject, RemovableObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> OrganizationRead {
        try await api.organizationsApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedOrganizationReadList> {
        api.organizationsApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedOrganizationWriteRequest, in api: ApiClient)
        async throws
    {
        _ = try await api.organizationsApi.partialUpdate(id: id, patchedOrganizationWriteRequest: patch)
    }

    public static func create(_ spec: OrganizationWriteRequest, in api: ApiClient) async throws -> OrganizationRead {
        try await api.organizationsApi.create(organizationWriteRequest: spec).body()
    }

    public static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
    {
        try await api.organizationsApi.destroy(id: id, options: options)
    }
}
