import CVAT
import Foundation
import SpecforgeRuntime

// What can be done with a task beyond reading and changing its fields: exports, backups,
// imports, frames and annotations (each as cvat_sdk.core's Task does it).

extension TaskEntity {
    /// Exports the task's annotations (and images, with `includeImages`) in `format` (one of the
    /// server's export formats, `"CVAT for images 1.1"`) and streams the file to `destination`;
    /// throws `CVATError.fileExists` when something is there already, before asking the server.
    public func exportDataset(
        format: String,
        to destination: URL,
        includeImages: Bool = false,
        progress: (any ProgressReporter)? = nil
    ) async throws {
        try client.ensureAbsent(destination)
        let request = try await client.api.tasksApi.createDatasetExport(
            id: id,
            format: format,
            saveImages: includeImages
        )
        .body()
        try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
    }

    /// Downloads a backup of the task (its data, annotations and settings) to `destination`.
    public func downloadBackup(to destination: URL, progress: (any ProgressReporter)? = nil) async throws {
        try client.ensureAbsent(destination)
        let request = try await client.api.tasksApi.createBackupExport(id: id, lightweight: false).body()
        try await client.downloadResult(of: request.rqId, to: destination, progress: progress)
    }

    /// Imports annotations from `file` in `format` (`"CVAT 1.1"`) and waits until they are in.
    public func importAnnotations(format: String, file: URL, progress: (any ProgressReporter)? = nil) async throws {
        let request = try await FileUploader(
            client: client,
            path: "/api/tasks/\(id)/annotations/",
            query: [("format", format)],
            progress: progress
        ).upload(file)
        try await client.waitForCompletion(request, progress: progress)
    }

    /// One frame's image, as the server stores it (`original`) or recompressed (`compressed`).
    public func frame(_ number: Int, quality: TasksRetrieveDataQuality? = nil) async throws -> Data {
        try await client.api.tasksApi.retrieveData(id: id, type: .frame, number: number, quality: quality).response.body
    }

    /// Writes frames to `folder` as `frame_000012.jpg` (the extension from the image's type).
    public func downloadFrames(
        _ numbers: [Int],
        to folder: URL,
        quality: TasksRetrieveDataQuality = .original
    ) async throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        for number in numbers {
            let response = try await client.api.tasksApi.retrieveData(
                id: id,
                type: .frame,
                number: number,
                quality: quality
            )
            .response
            let type = response.headers["Content-Type"]?.split(separator: ";").first.map(String.init) ?? ""
            let fileExtension = ["image/png": "png", "image/bmp": "bmp", "image/webp": "webp"][type] ?? "jpg"
            let file = folder.appendingPathComponent(String(format: "frame_%06d.%@", number, fileExtension))
            try response.body.write(to: file)
            written.append(file)
        }
        return written
    }
}

extension TasksRepository {
    /// Restores a task from a backup file and returns it.
    public func createFromBackup(_ file: URL, progress: (any ProgressReporter)? = nil) async throws -> TaskEntity {
        let request = try await FileUploader(client: client, path: "/api/tasks/backup/", query: [], progress: progress)
            .upload(file)
        let finished = try await client.waitForCompletion(request, progress: progress)
        guard case .some(.some(let taskId)) = finished.resultId else {
            throw CVATError.protocolViolation("The restore finished without a task id")
        }
        return try await retrieve(taskId)
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

extension TaskEntity {
    /// The task's annotations: tags, shapes and tracks.
    public func annotations() async throws -> LabeledData {
        try await client.api.tasksApi.retrieveAnnotations(id: id).body()
    }

    /// Replaces every annotation of the task with `data`.
    public func setAnnotations(_ data: LabeledDataRequest) async throws {
        _ = try await client.api.tasksApi.updateAnnotations(id: id, labeledDataRequest: data)
    }

    /// Adds (`.create`), changes (`.update`, by id) or deletes (`.delete`, by id) annotations.
    public func updateAnnotations(
        _ data: PatchedLabeledDataRequest,
        action: TasksPartialUpdateAnnotationsAction = .update
    ) async throws {
        _ = try await client.api.tasksApi.partialUpdateAnnotations(
            id: id,
            action: action,
            patchedLabeledDataRequest: data
        )
    }

    /// Removes the annotations with these ids — read first, then sent back whole with
    /// `action=delete`, as cvat-sdk does — or, without ids, all of them.
    public func removeAnnotations(ids: [Int]? = nil) async throws {
        guard let ids, !ids.isEmpty else {
            _ = try await client.api.tasksApi.destroyAnnotations(id: id)
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

    /// Removes frames from the task (they stay in its data, marked deleted); the list replaces
    /// the frames removed before.
    public func removeFrames(ids: [Int]) async throws {
        _ = try await client.api.tasksApi.partialUpdateDataMeta(
            id: id,
            patchedDataMetaWriteRequest: PatchedDataMetaWriteRequest(deletedFrames: ids)
        )
    }
}
