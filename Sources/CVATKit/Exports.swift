import CVAT
import Foundation
import SpecforgeRuntime

/// Tasks, projects and jobs: objects whose annotations (with or without images) the server
/// exports as a dataset file.
public protocol ExportsDatasets: ServerObject {
    static func startDatasetExport(
        of id: Int,
        format: String,
        includeImages: Bool,
        location: ExportLocation?,
        in api: ApiClient
    ) async throws -> RqId
}

/// Where the server puts an export: `.local` asks for a download even when the object's
/// target storage is a cloud storage (the CLI's choice); `nil` leaves the object's setting.
public enum ExportLocation: String, Sendable {
    case local
}

/// Tasks and projects: objects the server backs up and restores.
public protocol BacksUp: ServerObject {
    static func startBackupExport(of id: Int, location: ExportLocation?, in api: ApiClient) async throws -> RqId
    /// The operation that restores one from a backup file.
    static var restoreEndpoint: Endpoint { get }
}

extension ExportsDatasets {
    /// Exports the annotations (and images, unless `includeImages` is `false`, as cvat-sdk
    /// defaults) in `format` (one of the server's export formats, `"CVAT for images 1.1"`) and
    /// streams the file to `destination`; throws `CVATError.fileExists` when something is there
    /// already, before asking the server.
    @discardableResult
    public func exportDataset(
        format: String,
        to destination: URL,
        includeImages: Bool = true,
        location: ExportLocation? = nil,
        progress: (any ProgressReporter)? = nil
    ) async throws -> URL {
        try client.ensureAbsent(destination)
        let request = try await Self.startDatasetExport(
            of: id,
            format: format,
            includeImages: includeImages,
            location: location,
            in: client.api
        )
        return try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
    }
}

extension BacksUp {
    /// Downloads a backup (data, annotations and settings) to `destination`.
    @discardableResult
    public func downloadBackup(
        to destination: URL,
        location: ExportLocation? = nil,
        progress: (any ProgressReporter)? = nil
    ) async throws -> URL {
        try client.ensureAbsent(destination)
        let request = try await Self.startBackupExport(of: id, location: location, in: client.api)
        return try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
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
        guard let objectId = finished.resultId?.value else {
            throw CVATError.protocolViolation("The restore finished without the new object's id")
        }
        return try await retrieve(objectId)
    }
}

extension CVATClient {
    /// Waits for an export and streams its file from the result URL to `destination` — into a
    /// temporary file beside it, renamed when complete, so a failed download leaves nothing; a
    /// folder gets the file under the server's name (`Content-Disposition`), as cvat-sdk does.
    @discardableResult
    func downloadResult(of requestId: String, to destination: URL, progress: (any ProgressReporter)?) async throws
        -> URL
    {
        let finished = try await waitForCompletion(requestId, progress: progress)
        guard let link = finished.resultUrl?.value, let url = URL(string: link) else {
            throw CVATError.protocolViolation("The export finished without a result URL")
        }
        let isFolder = destination.isExistingFolder
        let folder = isFolder ? destination : destination.deletingLastPathComponent()
        let partial = folder.appendingPathComponent(
            ".\(isFolder ? "download" : destination.lastPathComponent)-\(UUID()).part"
        )
        defer { try? FileManager.default.removeItem(at: partial) }
        progress?.start(total: nil, description: "Downloading", unit: .bytes)
        let response = try await api.session.download(
            absoluteURL: url,
            endpoint: TasksApi.retrieveEndpoint,
            to: partial
        )
        var target = destination
        if isFolder {
            guard let name = response.headers["Content-Disposition"].flatMap(Self.attachmentName) else {
                throw CVATError.protocolViolation("The server named no file for the download to \(destination.path)")
            }
            target = destination.appendingPathComponent(name)
            try ensureAbsent(target)
        }
        try FileManager.default.moveItem(at: partial, to: target)
        let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? NSNumber)?.int64Value
        progress?.advance(by: size ?? 0)
        progress?.finish()
        return target
    }

    /// The file name of `attachment; filename="task_1_dataset.zip"`, its last path component
    /// only: a server cannot write outside the folder.
    static func attachmentName(_ disposition: String) -> String? {
        guard let range = disposition.range(of: "filename=") else { return nil }
        var name = disposition[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        let last = (name as NSString).lastPathComponent
        return last.isEmpty || last == "." || last == ".." ? nil : last
    }

    /// Refuses a destination file that exists (a folder is where the server's name goes).
    func ensureAbsent(_ destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path), !destination.isExistingFolder {
            throw CVATError.fileExists(destination.path)
        }
    }
}

extension URL {
    var isExistingFolder: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
