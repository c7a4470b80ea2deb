import CVAT
import Foundation
import SpecforgeRuntime

/// A value shared between tasks behind a lock: an entity's latest read model.
final class Guarded<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: every access goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    var current: Value {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// An object on the server as last read: its fields by name (`task.size`, `project.name`),
/// read-only; `fetch()` reads it again. Subclasses add what can be done with each kind.
@dynamicMemberLookup
public class Entity<Model: APIModel>: @unchecked Sendable {
    // `@unchecked`: the model is behind a lock; the client is Sendable.
    public let client: CVATClient
    private let latest: Guarded<Model>

    init(client: CVATClient, model: Model) {
        self.client = client
        self.latest = Guarded(model)
    }

    /// The object as last read from the server.
    public var model: Model {
        get { latest.current }
        set { latest.current = newValue }
    }

    public subscript<Value>(dynamicMember field: KeyPath<Model, Value>) -> Value {
        model[keyPath: field]
    }
}

/// A task on the server, and what can be done with it: `update(_:)` and `remove()` change it
/// on the server, `uploadData` gives it its media.
public final class TaskEntity: Entity<TaskRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }

    /// Reads the task again.
    @discardableResult
    public func fetch() async throws -> TaskEntity {
        model = try await client.api.tasksApi.retrieve(id: id).body()
        return self
    }

    /// Changes the given fields (`nil` ones are left alone), then reads the task again.
    public func update(_ patch: PatchedTaskWriteRequest) async throws {
        _ = try await client.api.tasksApi.partialUpdate(id: id, patchedTaskWriteRequest: patch)
        try await fetch()
    }

    /// `update` from a plain JSON object, as the seed's `task.update({"name": "…"})`.
    public func update(json patch: [String: Any]) async throws {
        try await update(PatchedTaskWriteRequest(jsonObject: patch))
    }

    public func remove() async throws {
        _ = try await client.api.tasksApi.destroy(id: id)
    }

    /// The task's media: frame names and sizes.
    public func meta() async throws -> DataMetaRead {
        try await client.api.tasksApi.retrieveDataMeta(id: id).body()
    }

    public func jobs() async throws -> [JobRead] {
        try await client.jobs.list(taskId: id)
    }

    public func labels() async throws -> [Label] {
        try await client.api.labelsApi.listAllItems(taskId: id).reduce(into: []) { $0.append($1) }
    }

    /// Uploads the task's data and waits until the server has processed it (see
    /// `TasksRepository.createFromData`).
    public func uploadData(
        resourceType: ResourceType = .local,
        resources: [String],
        params: DataParams = DataParams(),
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
        try await client.waitForCompletion(backgroundRequest, progress: progress)
        try await fetch()
    }
}

/// A project on the server, as `TaskEntity` is a task.
public final class ProjectEntity: Entity<ProjectRead>, @unchecked Sendable {
    public var id: Int { model.id ?? 0 }

    @discardableResult
    public func fetch() async throws -> ProjectEntity {
        model = try await client.api.projectsApi.retrieve(id: id).body()
        return self
    }

    public func update(_ patch: PatchedProjectWriteRequest) async throws {
        _ = try await client.api.projectsApi.partialUpdate(id: id, patchedProjectWriteRequest: patch)
        try await fetch()
    }

    public func update(json patch: [String: Any]) async throws {
        try await update(PatchedProjectWriteRequest(jsonObject: patch))
    }

    public func remove() async throws {
        _ = try await client.api.projectsApi.destroy(id: id)
    }

    public func tasks() async throws -> [TaskEntity] {
        let client = client
        return try await client.api.tasksApi.listAllItems(projectId: id).map { TaskEntity(client: client, model: $0) }
            .reduce(into: []) { $0.append($1) }
    }

    public func labels() async throws -> [Label] {
        try await client.api.labelsApi.listAllItems(projectId: id).reduce(into: []) { $0.append($1) }
    }
}
