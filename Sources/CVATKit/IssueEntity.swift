import CVAT
import Foundation
import SpecforgeRuntime

/// `client.issues`.
public typealias IssuesRepository = Repository<IssueEntity>

/// `client.comments`.
public typealias CommentsRepository = Repository<CommentEntity>

/// An issue raised on a frame of a job, with its comments.
public final class IssueEntity: Entity<IssueRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }

    /// The issue's comments, the first one its message. Asked in the job's organization, as
    /// cvat-sdk does: the server answers an empty list outside it.
    public func comments() async throws -> [CommentEntity] {
        let (client, id) = (client, id)
        let job = try await JobEntity.retrieve(model.job ?? 0, in: client.api)
        return try await OrganizationScope.children(in: job.organization?.value) {
            client.api.commentsApi.listAllItems(issueId: id, org: $0, orgId: $1)
        }
        .map { CommentEntity(client: client, model: $0) }
    }
}

extension IssueEntity: CreatableObject, RemovableObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> IssueRead {
        try await api.issuesApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedIssueReadList> {
        api.issuesApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedIssueWriteRequest, in api: ApiClient) async throws {
        _ = try await api.issuesApi.partialUpdate(id: id, patchedIssueWriteRequest: patch)
    }

    public static func create(_ spec: IssueWriteRequest, in api: ApiClient) async throws -> IssueRead {
        try await api.issuesApi.create(issueWriteRequest: spec).body()
    }

    public static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
    {
        try await api.issuesApi.destroy(id: id, options: options)
    }
}

/// A comment on an issue.
public final class CommentEntity: Entity<CommentRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }
}

extension CommentEntity: CreatableObject, RemovableObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> CommentRead {
        try await api.commentsApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedCommentReadList> {
        api.commentsApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedCommentWriteRequest, in api: ApiClient) async throws {
        _ = try await api.commentsApi.partialUpdate(id: id, patchedCommentWriteRequest: patch)
    }

    public static func create(_ spec: CommentWriteRequest, in api: ApiClient) async throws -> CommentRead {
        try await api.commentsApi.create(commentWriteRequest: spec).body()
    }

    public static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
    {
        try await api.commentsApi.destroy(id: id, options: options)
    }
}
