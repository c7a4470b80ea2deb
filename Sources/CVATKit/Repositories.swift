import CVAT
import Foundation
import SpecforgeRuntime

/// `client.tasks`: find, list, create and remove tasks, and create them with their data.
public struct TasksRepository: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> TaskEntity {
        TaskEntity(client: client, model: try await client.api.tasksApi.retrieve(id: id).body())
    }

    /// Every task, page after page, as they arrive.
    public func items() -> AsyncThrowingMapSequence<PageSequence<PaginatedTaskReadList>, TaskEntity> {
        let client = client
        return client.api.tasksApi.listAllItems().map { TaskEntity(client: client, model: $0) }
    }

    /// Every task, all pages read.
    public func list() async throws -> [TaskEntity] {
        try await items().reduce(into: []) { $0.append($1) }
    }

    public func create(_ spec: TaskWriteRequest) async throws -> TaskEntity {
        TaskEntity(client: client, model: try await client.api.tasksApi.create(taskWriteRequest: spec).body())
    }

    /// A task from a plain JSON spec, as the seed's `{"name": …, "labels": […]}`.
    public func create(json spec: [String: Any]) async throws -> TaskEntity {
        try await create(TaskWriteRequest(jsonObject: spec))
    }

    /// Deletes each task; one that does not exist is skipped, as cvat-sdk's `remove_by_ids` does.
    public func remove(ids: [Int]) async throws {
        for id in ids {
            let response = try await client.api.tasksApi.destroy(id: id, options: RequestOptions(checkStatus: false))
            guard response.status < 300 || response.status == 404 else { throw APIError.status(response.response) }
        }
    }

    /// Creates a task and uploads its data — local files (small ones grouped into bulk
    /// requests, large ones through TUS), remote URLs or paths in the server's share — then
    /// waits until the server has made the task's media and jobs.
    ///
    /// - Parameters:
    ///   - spec: The task; with `projectId`, its labels come from the project.
    ///   - progress: Told of bytes uploaded, then of the wait.
    public func createFromData(
        spec: TaskWriteRequest,
        resourceType: ResourceType = .local,
        resources: [String],
        dataParams: DataParams = DataParams(),
        progress: (any ProgressReporter)? = nil
    ) async throws -> TaskEntity {
        if case .some(.some) = spec.projectId, spec.labels?.isEmpty == false {
            throw APIError.invalidInput("Can't set labels to a task inside a project")
        }
        let task = try await create(spec)
        try await task.uploadData(
            resourceType: resourceType,
            resources: resources,
            params: dataParams,
            progress: progress
        )
        return task
    }
}

/// `client.projects`.
public struct ProjectsRepository: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> ProjectEntity {
        ProjectEntity(client: client, model: try await client.api.projectsApi.retrieve(id: id).body())
    }

    public func items() -> AsyncThrowingMapSequence<PageSequence<PaginatedProjectReadList>, ProjectEntity> {
        let client = client
        return client.api.projectsApi.listAllItems().map { ProjectEntity(client: client, model: $0) }
    }

    public func list() async throws -> [ProjectEntity] {
        try await items().reduce(into: []) { $0.append($1) }
    }

    public func create(_ spec: ProjectWriteRequest) async throws -> ProjectEntity {
        ProjectEntity(client: client, model: try await client.api.projectsApi.create(projectWriteRequest: spec).body())
    }

    public func create(json spec: [String: Any]) async throws -> ProjectEntity {
        try await create(ProjectWriteRequest(jsonObject: spec))
    }

    public func remove(ids: [Int]) async throws {
        for id in ids {
            let response = try await client.api.projectsApi.destroy(id: id, options: RequestOptions(checkStatus: false))
            guard response.status < 300 || response.status == 404 else { throw APIError.status(response.response) }
        }
    }
}

/// `client.jobs`: jobs are made by the server from a task's data.
public struct JobsRepository: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> JobRead {
        try await client.api.jobsApi.retrieve(id: id).body()
    }

    public func list(taskId: Int? = nil) async throws -> [JobRead] {
        try await client.api.jobsApi.listAllItems(taskId: taskId).reduce(into: []) { $0.append($1) }
    }
}

/// `client.users`.
public struct UsersRepository: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> MetaUser {
        try await client.api.usersApi.retrieve(id: id).body()
    }

    /// The user the client is logged in as.
    public func current() async throws -> MetaUser {
        try await client.api.usersApi.retrieveSelf().body()
    }

    public func list() async throws -> [MetaUser] {
        try await client.api.usersApi.listAllItems().reduce(into: []) { $0.append($1) }
    }
}

/// Where a task's data comes from.
public enum ResourceType: String, Sendable, CaseIterable {
    /// Files on this machine, uploaded.
    case local
    /// URLs the server downloads.
    case remote
    /// Paths in the server's share.
    case share
}

/// The data parameters of a task, as cvat-sdk's `data_params` and the CLI's options name them.
public struct DataParams: Sendable {
    public var imageQuality: Int
    public var chunkSize: Int?
    public var startFrame: Int?
    public var stopFrame: Int?
    /// Every n-th frame (`frame_filter: step=n`).
    public var frameStep: Int?
    public var sortingMethod: SortingMethod?
    public var copyData: Bool?
    public var useCache: Bool?
    public var useZipChunks: Bool?
    public var cloudStorageId: Int?
    public var filenamePattern: String?
    public var jobFileMapping: [[String]]?
    public var serverFilesExclude: [String]?

    public init(
        imageQuality: Int = 70,
        chunkSize: Int? = nil,
        startFrame: Int? = nil,
        stopFrame: Int? = nil,
        frameStep: Int? = nil,
        sortingMethod: SortingMethod? = nil,
        copyData: Bool? = nil,
        useCache: Bool? = nil,
        useZipChunks: Bool? = nil,
        cloudStorageId: Int? = nil,
        filenamePattern: String? = nil,
        jobFileMapping: [[String]]? = nil,
        serverFilesExclude: [String]? = nil
    ) {
        self.imageQuality = imageQuality
        self.chunkSize = chunkSize
        self.startFrame = startFrame
        self.stopFrame = stopFrame
        self.frameStep = frameStep
        self.sortingMethod = sortingMethod
        self.copyData = copyData
        self.useCache = useCache
        self.useZipChunks = useZipChunks
        self.cloudStorageId = cloudStorageId
        self.filenamePattern = filenamePattern
        self.jobFileMapping = jobFileMapping
        self.serverFilesExclude = serverFilesExclude
    }

    /// The request that carries them (what cvat-sdk sends with `Upload-Finish`, or alone).
    func request() -> DataRequest {
        DataRequest(
            chunkSize: chunkSize.map { .some($0) },
            imageQuality: imageQuality,
            startFrame: startFrame,
            stopFrame: stopFrame,
            frameFilter: frameStep.map { "step=\($0)" },
            useZipChunks: useZipChunks,
            serverFilesExclude: serverFilesExclude,
            cloudStorageId: cloudStorageId.map { .some($0) },
            useCache: useCache,
            copyData: copyData,
            sortingMethod: sortingMethod,
            filenamePattern: filenamePattern.map { .some($0) },
            jobFileMapping: jobFileMapping
        )
    }
}
