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
/// read-only; `fetch()` reads it again. Each kind (`TaskEntity`, `JobEntity`, …) says which
/// low-level calls read, change and delete it, and the protocols below do the rest once.
@dynamicMemberLookup
public class Entity<Model: APIModel>: @unchecked Sendable {
    // `@unchecked`: the model is behind a lock; the client is Sendable.
    public let client: CVATClient
    private let latest: Guarded<Model>

    /// Wraps a model read with the low-level client (`client.api`).
    public required init(client: CVATClient, model: Model) {
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

/// A kind of object the server reads by id, lists page by page and (with `Patch`) changes.
public protocol ServerObject: AnyObject, Sendable {
    associatedtype Model: APIModel
    associatedtype Page: PaginatedList where Page.Item == Model
    associatedtype Patch: APIModel

    init(client: CVATClient, model: Model)
    var client: CVATClient { get }
    var model: Model { get set }
    var id: Int { get }
    static func retrieve(_ id: Int, in api: ApiClient) async throws -> Model
    static func list(in api: ApiClient) -> PageSequence<Page>
    static func update(_ id: Int, with patch: Patch, in api: ApiClient) async throws
}

extension ServerObject {
    /// Reads the object again.
    @discardableResult
    public func fetch() async throws -> Self {
        model = try await Self.retrieve(id, in: client.api)
        return self
    }

    /// Changes the given fields (`nil` ones are left alone), then reads the object again, as
    /// cvat-sdk's `update` does.
    public func update(_ patch: Patch) async throws {
        try await Self.update(id, with: patch, in: client.api)
        try await fetch()
    }

    /// `update` from a plain JSON object, as the seed's `task.update({"name": "…"})`.
    public func update(json patch: [String: Any]) async throws {
        try await update(Patch(jsonObject: patch))
    }
}

/// A kind of object made with `Spec` (`client.tasks.create(…)`).
public protocol CreatableObject: ServerObject {
    associatedtype Spec: APIModel
    static func create(_ spec: Spec, in api: ApiClient) async throws -> Model
}

/// A kind of object that can be deleted.
public protocol RemovableObject: ServerObject {
    /// `DELETE`; `options` decide whether an error status throws (`remove(ids:)` skips a 404).
    static func destroy(_ id: Int, options: RequestOptions, in api: ApiClient) async throws -> ApiResponse<Void>
}

extension RemovableObject {
    /// Deletes the object on the server.
    public func remove() async throws {
        _ = try await Self.destroy(id, options: RequestOptions(), in: client.api)
    }
}

/// `client.tasks`, `client.projects`, `client.jobs`, …: find, list, create and remove objects
/// of one kind.
public struct Repository<Object: ServerObject>: Sendable {
    let client: CVATClient

    public func retrieve(_ id: Int) async throws -> Object {
        Object(client: client, model: try await Object.retrieve(id, in: client.api))
    }

    /// Every object, page after page, as they arrive.
    public func items() -> AsyncThrowingMapSequence<PageSequence<Object.Page>, Object> {
        let client = client
        return Object.list(in: client.api).map { Object(client: client, model: $0) }
    }

    /// Every object, all pages read.
    public func list() async throws -> [Object] {
        try await items().reduce(into: []) { $0.append($1) }
    }
}

extension Repository where Object: CreatableObject {
    public func create(_ spec: Object.Spec) async throws -> Object {
        Object(client: client, model: try await Object.create(spec, in: client.api))
    }

    /// An object from a plain JSON spec, as the seed's `{"name": …, "labels": […]}`.
    public func create(json spec: [String: Any]) async throws -> Object {
        try await create(Object.Spec(jsonObject: spec))
    }
}

extension Repository where Object: RemovableObject {
    /// Deletes each object; one that does not exist is skipped, as cvat-sdk's `remove_by_ids`
    /// does.
    public func remove(ids: [Int]) async throws {
        for id in ids {
            let response = try await Object.destroy(id, options: RequestOptions(checkStatus: false), in: client.api)
                .response
            guard response.status < 300 || response.status == 404 else { throw APIError.status(response) }
        }
    }
}
