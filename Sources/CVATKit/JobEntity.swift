import CVAT
import Foundation
import SpecforgeRuntime

/// `client.jobs`: jobs are made by the server from a task's data.
public typealias JobsRepository = Repository<JobEntity>

/// A job: a range of a task's frames that one person annotates, with its own annotations,
/// issues and exports.
public final class JobEntity: Entity<JobRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }
    public var organizationId: Int? { model.organization?.value }

    /// The issues raised on the job, every page.
    public func issues() async throws -> [IssueEntity] {
        let (client, id) = (client, id)
        return try await OrganizationScope.children(in: organizationId) {
            client.api.issuesApi.listAllItems(jobId: id, org: $0, orgId: $1)
        }
        .map { IssueEntity(client: client, model: $0) }
    }
}

extension JobEntity: ServerObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> JobRead {
        try await api.jobsApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedJobReadList> {
        api.jobsApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedJobWriteRequest, in api: ApiClient) async throws {
        _ = try await api.jobsApi.partialUpdate(id: id, patchedJobWriteRequest: patch)
    }
}

extension JobEntity: HasAnnotations {
    public static var importAnnotationsEndpoint: Endpoint { JobsApi.createAnnotationsEndpoint }

    public static func annotations(of id: Int, in api: ApiClient) async throws -> LabeledData {
        try await api.jobsApi.retrieveAnnotations(id: id).body()
    }

    public static func replaceAnnotations(of id: Int, with data: LabeledDataRequest, in api: ApiClient) async throws {
        _ = try await api.jobsApi.updateAnnotations(id: id, labeledDataRequest: data)
    }

    public static func changeAnnotations(
        of id: Int,
        _ data: PatchedLabeledDataRequest,
        action: AnnotationAction,
        in api: ApiClient
    ) async throws {
        _ = try await api.jobsApi.partialUpdateAnnotations(
            id: id,
            action: JobsPartialUpdateAnnotationsAction(rawValue: action.rawValue),
            patchedLabeledDataRequest: data
        )
    }

    public static func removeAllAnnotations(of id: Int, in api: ApiClient) async throws {
        _ = try await api.jobsApi.destroyAnnotations(id: id)
    }
}

extension JobEntity: HasFrames, ExportsDatasets {
    public static func frame(_ number: Int, quality: FrameQuality?, of id: Int, in api: ApiClient) async throws
        -> HTTPResponse
    {
        try await api.jobsApi.retrieveData(
            id: id,
            type: .frame,
            number: number,
            quality: quality.map { JobsRetrieveDataQuality(rawValue: $0.rawValue) }
        )
        .response
    }

    public static func meta(of id: Int, in api: ApiClient) async throws -> DataMetaRead {
        try await api.jobsApi.retrieveDataMeta(id: id).body()
    }

    public static func removeFrames(_ numbers: [Int], of id: Int, in api: ApiClient) async throws {
        _ = try await api.jobsApi.partialUpdateDataMeta(
            id: id,
            patchedJobDataMetaWriteRequest: PatchedJobDataMetaWriteRequest(deletedFrames: numbers)
        )
    }

    public static func labels(of id: Int, org: String?, orgId: Int?, in api: ApiClient)
        -> PageSequence<PaginatedLabelList>
    {
        api.labelsApi.listAllItems(jobId: id, org: org, orgId: orgId)
    }

    public static func preview(of id: Int, in api: ApiClient) async throws -> HTTPResponse {
        try await api.jobsApi.retrievePreview(id: id).response
    }

    public static func startDatasetExport(
        of id: Int,
        format: String,
        includeImages: Bool,
        location: ExportLocation?,
        in api: ApiClient
    ) async throws -> RqId {
        try await api.jobsApi.createDatasetExport(
            id: id,
            format: format,
            location: location.map { JobsCreateDatasetExportLocation(rawValue: $0.rawValue) },
            saveImages: includeImages
        )
        .body()
    }
}
