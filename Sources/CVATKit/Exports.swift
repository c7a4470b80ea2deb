import CVAT
import Foundation
import SpecforgeRuntime

/// Tasks, projects and jobs: objects whose annotations (with or without images) the server
/// exports as a dataset file.
public protocol ExportsDatasets: ServerObject {
    static func startDatasetExport(of id: Int, format: String, includeImages: Bool, in api: ApiClient)
        async throws -> RqId
}

/// Tasks and projects: objects the server backs up and restores.
public protocol BacksUp: ServerObject {
    static func startBackupExport(of id: Int, in api: ApiClient) async throws -> RqId
    /// The operation that restores one from a backup file.
    static var restoreEndpoint: Endpoint { get }
}

extension ExportsDatasets {
    /// Exports the annotations (and images, unless `includeImages` is `false`, as cvat-sdk
    /// defaults) in `format` (one of the server's export formats, `"CVAT for images 1.1"`) and
    /// streams the file to `destination`; throws `CVATError.fileExists` when something is there
    /// already, before asking the server.
    public func exportDataset(
        format: String,
        to destination: URL,
        includeImages: Bool = true,
        progress: (any ProgressReporter)? = nil
    ) async throws {
        try client.ensureAbsent(destination)
        let request = try await Self.startDatasetExport(
            of: id,
            format: format,
            includeImages: includeImages,
            in: client.api
        )
        try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
    }
}

extension BacksUp {
    /// Downloads a backup (data, annotations and settings) to `destination`.
    public func downloadBackup(to destination: URL, progress: (any ProgressReporter)? = nil) async throws {
        try client.ensureAbsent(destination)
        let request = try await Self.startBackupExport(of: id, in: client.api)
        try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
    }
}

extension Repository where Object: BacksUp {
    /// Restores an object from a backup file (`Upload-Start`, TUS, `Upload-Finish`, then the
    /// server's background request) and returns it.
    public func createFromBackup(_ file: URL, progress: (any ProgressReporter)? = nil) async throws -> Object {
        let request = try await FileUploader(
            client: client,
            path: Object.restoreEndpoint.path,
            query: [],
            progress: progress
        )
        .upload(file)
        let finished = try await client.waitForCompletion(request, progress: progress)
        guard case .some(.some(let objectId)) = finished.resultId else {
            throw CVATError.protocolViolation("The restore finished without the new object's id")
        }
        return try await retrieve(objectId)
    }
}

extension CVATClient {
    /// Waits for an export and streams its file from the result URL to `destination`.
    func downloadResult(of requestId: String, to destination: URL, progress: (any ProgressReporter)?) async throws {
        let finished = try await waitForCompletion(requestId, progress: progress)
        guard case .some(.some(let link)) = finished.resultUrl, let url = URL(string: link) else {
            throw CVATError.protocolViolation("The export finished without a result URL")
        }
        progress?.start(total: nil, description: "Downloading", unit: .bytes)
        try await api.session.download(absoluteURL: url, endpoint: TasksApi.retrieveEndpoint, to: destination)
        let size = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? NSNumber)?.int64Value
        progress?.advance(by: size ?? 0)
        progress?.finish()
    }

    func ensureAbsent(_ destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            throw CVATError.fileExists(destination.path)
        }
    }
}
