import CVAT
import Foundation
import SpecforgeRuntime

/// `client.projects`.
public typealias ProjectsRepository = Repository<ProjectEntity>

/// A project on the server: labels its tasks share, datasets imported and exported, backups.
public final class ProjectEntity: Entity<ProjectRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }
    public var organizationId: Int? { model.organizationId?.value }

    /// The project's tasks, every page.
    public func tasks() async throws -> [TaskEntity] {
        let (client, id) = (client, id)
        return try await OrganizationScope.children(in: organizationId) {
            client.api.tasksApi.listAllItems(org: $0, orgId: $1, projectId: id)
        }
        .map { TaskEntity(client: client, model: $0) }
    }

    /// The labels the project's tasks use.
    public func labels() async throws -> [Label] {
        let (client, id) = (client, id)
        return try await OrganizationScope.children(in: organizationId) {
            client.api.labelsApi.listAllItems(org: $0, orgId: $1, projectId: id)
        }
    }

    /// Imports a dataset file in `format` (`"COCO 1.0"`) into the project — the server makes
    /// tasks from it — and waits until it is in.
    ///
    /// - Parameter convertMasksToPolygons: The server's `conv_mask_to_poly`; `nil` leaves its
    ///   default.
    public func importDataset(
        format: String,
        file: URL,
        convertMasksToPolygons: Bool? = nil,
        progress: (any ProgressReporter)? = nil
    ) async throws {
        var query = [("format", format)]
        if let convertMasksToPolygons { query.append(("conv_mask_to_poly", String(convertMasksToPolygons))) }
        let request = try await FileUploader(
            client: client,
            path: ProjectsApi.createDatasetEndpoint.path(for: id),
            query: query,
            progress: progress
        ).upload(file)
        try await client.waitForCompletion(request, progress: progress)
    }
}

extension ProjectEntity: CreatableObject, RemovableObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> ProjectRead {
        try await api.projectsApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedProjectReadList> {
        api.projectsApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedProjectWriteRequest, in api: ApiClient) async throws {
        _ = try await api.projectsApi.partialUpdate(id: id, patchedProjectWriteRequest: patch)
    }

    public static func create(_ spec: ProjectWriteRequest, in api: ApiClient) async throws -> ProjectRead {
        try await api.projectsApi.create(projectWriteRequest: spec).body()
    }

    public static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
    {
        try await api.projectsApi.destroy(id: id, options: options)
    }
}

extension ProjectEntity: HasPreview, ExportsDatasets, BacksUp {
    public static func preview(of id: Int, in api: ApiClient) async throws -> HTTPResponse {
        try await api.projectsApi.retrievePreview(id: id).response
    }

    public static func startDatasetExport(
        of id: Int,
        format: String,
        includeImages: Bool,
        location: ExportLocation?,
        in api: ApiClient
    ) async throws -> RqId {
        try await api.projectsApi.createDatasetExport(
            id: id,
            format: format,
            location: location.map { ProjectsCreateDatasetExportLocation(rawValue: $0.rawValue) },
            saveImages: includeImages
        )
        .body()
    }

    public static func startBackupExport(of id: Int, location: ExportLocation?, in api: ApiClient) async throws
        -> RqId
    {
        try await api.projectsApi.createBackupExport(
            id: id,
            lightweight: false,
            location: location.map { ProjectsCreateBackupExportLocation(rawValue: $0.rawValue) }
        )
        .body()
    }

    public static var restoreEndpoint: Endpoint { ProjectsApi.createBackupEndpoint }
}

extension Repository where Object == ProjectEntity {
    /// Creates a project and, with `datasetFile`, imports a dataset into it (in `datasetFormat`,
    /// cvat-sdk's default `"CVAT XML 1.1"`), then reads it again.
    public func createFromDataset(
        spec: ProjectWriteRequest,
        datasetFile: URL? = nil,
        datasetFormat: String = "CVAT XML 1.1",
        convertMasksToPolygons: Bool? = nil,
        progress: (any ProgressReporter)? = nil
    ) async throws -> ProjectEntity {
        let project = try await create(spec)
        if let datasetFile {
            try await project.importDataset(
                format: datasetFormat,
                file: datasetFile,
                convertMasksToPolygons: convertMasksToPolygons,
                progress: progress
            )
        }
        return try await project.fetch()
    }
}
