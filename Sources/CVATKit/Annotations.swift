import CVAT
import Foundation
import SpecforgeRuntime

/// What the server does with the annotations of a `PATCH …/annotations?action=` request.
public enum AnnotationAction: String, Sendable, CaseIterable {
    /// Adds them as new annotations (ids are given by the server).
    case create
    /// Replaces the annotations with the same ids.
    case update
    /// Deletes the annotations with these ids.
    case delete
}

/// Tasks and jobs: objects whose annotations can be read, replaced, changed, removed and imported
/// from a file (cvat-sdk's `AnnotationCrudMixin` and `import_annotations`).
public protocol HasAnnotations: ServerObject {
    /// The operation that imports an annotation file (its path has `{id}`).
    static var importAnnotationsEndpoint: Endpoint { get }
    static func annotations(of id: Int, in api: ApiClient) async throws -> LabeledData
    static func replaceAnnotations(of id: Int, with data: LabeledDataRequest, in api: ApiClient) async throws
    static func changeAnnotations(
        of id: Int,
        _ data: PatchedLabeledDataRequest,
        action: AnnotationAction,
        in api: ApiClient
    ) async throws
    static func removeAllAnnotations(of id: Int, in api: ApiClient) async throws
}

extension HasAnnotations {
    /// The annotations: tags, shapes and tracks.
    public func annotations() async throws -> LabeledData {
        try await Self.annotations(of: id, in: client.api)
    }

    /// Replaces every annotation with `data`.
    public func setAnnotations(_ data: LabeledDataRequest) async throws {
        try await Self.replaceAnnotations(of: id, with: data, in: client.api)
    }

    /// Adds (`.create`), changes (`.update`, by id) or deletes (`.delete`, by id) annotations.
    public func updateAnnotations(_ data: PatchedLabeledDataRequest, action: AnnotationAction = .update) async throws {
        try await Self.changeAnnotations(of: id, data, action: action, in: client.api)
    }

    /// Removes the annotations with these ids — read first, then sent back whole with
    /// `action=delete`, as cvat-sdk does — or, without ids, all of them.
    public func removeAnnotations(ids: [Int]? = nil) async throws {
        guard let ids, !ids.isEmpty else {
            try await Self.removeAllAnnotations(of: id, in: client.api)
            return
        }
        guard var current = try await annotations().jsonObject() as? [String: Any] else { return }
        let wanted = Set(ids)
        for kind in ["tags", "shapes", "tracks"] {
            let items = current[kind] as? [[String: Any]] ?? []
            current[kind] = items.filter { ($0["id"] as? Int).map(wanted.contains) ?? false }
        }
        current.removeValue(forKey: "version")
        current.removeValue(forKey: "intervals")
        try await updateAnnotations(PatchedLabeledDataRequest(jsonObject: current), action: .delete)
    }

    /// Imports annotations from `file` in `format` (`"CVAT 1.1"`, one of the server's import
    /// formats) and waits until the server has them.
    ///
    /// - Parameters:
    ///   - convertMasksToPolygons: The server's `conv_mask_to_poly`; `nil` leaves its default.
    ///   - importMode: The server's `import_mode` (such as `"append"`); `nil` leaves its default.
    public func importAnnotations(
        format: String,
        file: URL,
        convertMasksToPolygons: Bool? = nil,
        importMode: String? = nil,
        progress: (any ProgressReporter)? = nil
    ) async throws {
        var query = [("format", format)]
        if let convertMasksToPolygons { query.append(("conv_mask_to_poly", String(convertMasksToPolygons))) }
        if let importMode { query.append(("import_mode", importMode)) }
        let request = try await FileUploader(
            client: client,
            path: Self.importAnnotationsEndpoint.path(for: id),
            query: query,
            progress: progress
        ).upload(file)
        try await client.waitForCompletion(request, progress: progress)
    }
}

extension Endpoint {
    /// The path with `{id}` filled in, as cvat-sdk's `make_endpoint_url(path, kwsub={"id": …})`.
    func path(for id: Int) -> String {
        path.replacingOccurrences(of: "{id}", with: String(id))
    }
}
