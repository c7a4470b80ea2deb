import CVAT
import Foundation
import SpecforgeRuntime

/// `client.tasks`.
public typealias TasksRepository = Repository<TaskEntity>

/// A task on the server, and what can be done with it: its data, frames, annotations, exports
/// and backups.
public final class TaskEntity: Entity<TaskRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }
    public var organizationId: Int? { model.organizationId?.value }

    /// The task's jobs, made by the server from its data.
    public func jobs() async throws -> [JobEntity] {
        let (client, id) = (client, id)
        return try await OrganizationScope.children(in: organizationId) {
            client.api.jobsApi.listAllItems(org: $0, orgId: $1, taskId: id)
        }
        .map { JobEntity(client: client, model: $0) }
    }

    /// Streams one chunk of the task's media (a zip or video segment of `chunkSize` frames) to
    /// `destination`.
    public func downloadChunk(_ number: Int, to destination: URL, quality: FrameQuality? = nil) async throws {
        try client.ensureAbsent(destination)
        try await Self.downloadChunk(number, of: id, to: destination, quality: quality, in: client.api)
    }

    static func downloadChunk(_ number: Int, of id: Int, to destination: URL, quality: FrameQuality?, in api: ApiClient)
        async throws
    {
        _ = try await api.tasksApi.retrieveData(
            id: id,
            type: .chunk,
            number: number,
            quality: quality.map { TasksRetrieveDataQuality(rawValue: $0.rawValue) },
            options: RequestOptions(downloadTo: destination)
        )
    }

    /// Uploads the task's data and, unless `waitForCompletion` is `false`, waits until the
    /// server has processed it and reads the task again (see `TasksRepository.createFromData`).
    public func uploadData(
        resourceType: ResourceType = .local,
        resources: [String],
        params: DataParams = DataParams(),
        waitForCompletion: Bool = true,
        progress: (any ProgressReporter)? = nil
    ) async throws {
        let backgroundRequest: String
        switch resourceType {
        case .local:
            backgroundRequest = try await DataUploader(client: client, taskId: id, progress: progress)
                .upload(files: resources.map { URL(fileURLWithPath: $0) }, params: params)
        case .remote, .share:
            var request = params.request()
            if resourceType == .remote { request.remoteFiles = resources } else { request.serverFiles = resources }
            backgroundRequest = try requestId(
                of: await client.api.tasksApi.createData(id: id, dataRequest: request).body()
            )
        }
        guard waitForCompletion else { return }
        try await client.waitForCompletion(backgroundRequest, progress: progress)
        try await fetch()
    }
}

extension TaskEntity: CreatableObject, RemovableObject {
    public static func retrieve(_ id: Int, in api: ApiClient) async throws -> TaskRead {
        try await api.tasksApi.retrieve(id: id).body()
    }

    public static func list(in api: ApiClient) -> PageSequence<PaginatedTaskReadList> {
        api.tasksApi.listAllItems()
    }

    public static func update(_ id: Int, with patch: PatchedTaskWriteRequest, in api: ApiClient) async throws {
        _ = try await api.tasksApi.partialUpdate(id: id, patchedTaskWriteRequest: patch)
    }

    public static func create(_ spec: TaskWriteRequest, in api: ApiClient) async throws -> TaskRead {
        try await api.tasksApi.create(taskWriteRequest: spec).body()
    }

    public static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
    {
        try await api.tasksApi.destroy(id: id, options: options)
    }
}

extension TaskEntity: HasAnnotations {
    public static var importAnnotationsEndpoint: Endpoint { TasksApi.createAnnotationsEndpoint }

    public static func annotations(of id: Int, in api: ApiClient) async throws -> LabeledData {
        try await api.tasksApi.retrieveAnnotations(id: id).body()
    }

    public static func replaceAnnotations(of id: Int, with data: LabeledDataRequest, in api: ApiClient) async throws {
        _ = try await api.tasksApi.updateAnnotations(id: id, labeledDataRequest: data)
    }

    public static func changeAnnotations(
        of id: Int,
        _ data: PatchedLabeledDataRequest,
        action: AnnotationAction,
        in api: ApiClient
    ) async throws {
        _ = try await api.tasksApi.partialUpdateAnnotations(
            id: id,
            action: TasksPartialUpdateAnnotationsAction(rawValue: action.rawValue),
            patchedLabeledDataRequest: data
        )
    }

    public static func removeAllAnnotations(of id: Int, in api: ApiClient) async throws {
        _ = try await api.tasksApi.destroyAnnotations(id: id)
    }
}

extension TaskEntity: HasFrames {
    public static func frame(_ number: Int, quality: FrameQuality?, of id: Int, in api: ApiClient) async throws
        -> HTTPResponse
    {
        try await api.tasksApi.retrieveData(
            id: id,
            type: .frame,
            number: number,
            quality: quality.map { TasksRetrieveDataQuality(rawValue: $0.rawValue) }
        )
        .response
    }

    public static func meta(of id: Int, in api: ApiClient) async throws -> DataMetaRead {
        try await api.tasksApi.retrieveDataMeta(id: id).body()
    }

    public static func removeFrames(_ numbers: [Int], of id: Int, in api: ApiClient) async throws {
        _ = try await api.tasksApi.partialUpdateDataMeta(
            id: id,
            patchedDataMetaWriteRequest: PatchedDataMetaWriteRequest(deletedFrames: numbers)
        )
    }

    public static func labels(of id: Int, org: String?, orgId: Int?, in api: ApiClient)
        -> PageSequence<PaginatedLabelList>
    {
        api.labelsApi.listAllItems(org: org, orgId: orgId, taskId: id)
    }

    public static func preview(of id: Int, in api: ApiClient) async throws -> HTTPResponse {
        try await api.tasksApi.retrievePreview(id: id).response
    }
}

extension TaskEntity: ExportsDatasets, BacksUp {
    public static func startDatasetExport(
        of id: Int,
        format: String,
        includeImages: Bool,
        location: ExportLocation?,
        in api: ApiClient
    ) async throws -> RqId {
        try await api.tasksApi.createDatasetExport(
            id: id,
            format: format,
            location: location.map { TasksCreateDatasetExportLocation(rawValue: $0.rawValue) },
            saveImages: includeImages
        )
        .body()
    }

    public static func startBackupExport(of id: Int, location: ExportLocation?, in api: ApiClient) async throws
        -> RqId
    {
        try await api.tasksApi.createBackupExport(
            id: id,
            lightweight: false,
            location: location.map { TasksCreateBackupExportLocation(rawValue: $0.rawValue) }
        )
        .body()
    }

    public static var restoreEndpoint: Endpoint { TasksApi.createBackupEndpoint }
}

extension Repository where Object == TaskEntity {
    /// Creates a task and uploads its data — local files (small ones grouped into bulk
    /// requests, large ones through TUS), remote URLs or paths in the server's share — then
    /// waits until the server has made the task's media and jobs.
    ///
    /// - Parameters:
    ///   - spec: The task; with `projectId`, its labels come from the project.
    ///   - annotationPath: Annotations to import once the data is in, in `annotationFormat`
    ///     (cvat-sdk's default, `"CVAT XML 1.1"`).
    ///   - progress: Told of bytes uploaded, then of the wait.
    public func createFromData(
        spec: TaskWriteRequest,
        resourceType: ResourceType = .local,
        resources: [String],
        dataParams: DataParams = DataParams(),
        annotationPath: URL? = nil,
        annotationFormat: String = "CVAT XML 1.1",
        progress: (any ProgressReporter)? = nil
    ) async throws -> TaskEntity {
        if spec.projectId?.value != nil, spec.labels?.isEmpty == false {
            throw APIError.invalidInput("Can't set labels to a task inside a project")
        }
        let task = try await create(spec)
        try await task.uploadData(
            resourceType: resourceType,
            resources: resources,
            params: dataParams,
            progress: progress
        )
        if let annotationPath {
            try await task.importAnnotations(format: annotationFormat, file: annotationPath, progress: progress)
            try await task.fetch()
        }
        return task
    }
}
