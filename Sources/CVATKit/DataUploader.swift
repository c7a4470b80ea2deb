import CVAT
import Foundation
import SpecforgeRuntime

/// Uploads a task's local files as cvat-sdk does (`cvat_sdk/core/uploading.py`), so a CVAT
/// server sees the same requests: `Upload-Start`; the files up to `maxRequestSize` grouped, in
/// order, into `Upload-Multiple` multipart requests (`image_quality` and `client_files[i]`);
/// each larger file through TUS; then `Upload-Finish` with the data parameters as JSON, whose
/// answer names the background request that makes the task's media.
struct DataUploader {
    let client: CVATClient
    let taskId: Int
    let progress: (any ProgressReporter)?
    /// A bulk request's limit, and the size from which a file goes through TUS instead.
    var maxRequestSize: Int64 { client.config.uploadRequestLimit }
    var tusChunkSize: Int { client.config.tusChunkSize }

    init(client: CVATClient, taskId: Int, progress: (any ProgressReporter)?) {
        self.client = client
        self.taskId = taskId
        self.progress = progress
    }

    /// Uploads `files` and returns the id of the background request.
    func upload(files: [URL], params: DataParams) async throws -> String {
        let (groups, separate, total) = try split(files)
        var finish = params.request()
        if params.sortingMethod == .predefined {
            finish.uploadFileOrder = files.map(\.lastPathComponent)
        }
        let tasks = client.api.tasksApi
        progress?.start(total: total, description: "Uploading data", unit: .bytes)
        _ = try await tasks.createData(id: taskId, uploadStart: true)
        for group in groups {
            let request = DataRequest(
                imageQuality: params.imageQuality,
                clientFiles: group.files.map { UploadFile(fileURL: $0) }
            )
            _ = try await tasks.createData(
                id: taskId,
                uploadMultiple: true,
                dataRequest: request,
                options: RequestOptions(contentType: "multipart/form-data")
            )
            progress?.advance(by: group.size)
        }
        for file in separate {
            let upload = TUSUpload(
                client: client,
                createPath: "/api/tasks/\(taskId)/data/",
                file: file,
                chunkSize: tusChunkSize,
                progress: progress
            )
            _ = try await upload.run()
        }
        progress?.finish()
        return try requestId(of: await tasks.createData(id: taskId, uploadFinish: true, dataRequest: finish).body())
    }

    struct Group {
        var files: [URL] = []
        var size: Int64 = 0
    }

    /// cvat-sdk's `_split_files_by_requests`: files over the limit alone (TUS), the others
    /// grouped greedily in order; the same file twice counts once.
    func split(_ files: [URL]) throws -> (groups: [Group], separate: [URL], total: Int64) {
        var seen: Set<String> = []
        var groups: [Group] = []
        var current = Group()
        var separate: [URL] = []
        var total: Int64 = 0
        for file in files {
            let resolved = file.standardizedFileURL.resolvingSymlinksInPath()
            guard seen.insert(resolved.path).inserted else { continue }
            let size: Int64
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: resolved.path)
                size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            } catch {
                throw CVATError.unreadableFile("\(file.path): \(error.localizedDescription)")
            }
            total += size
            if size > maxRequestSize {
                separate.append(resolved)
                continue
            }
            if current.size + size > maxRequestSize, !current.files.isEmpty {
                groups.append(current)
                current = Group()
            }
            current.files.append(resolved)
            current.size += size
        }
        if !current.files.isEmpty { groups.append(current) }
        return (groups, separate, total)
    }
}

/// The background request a data upload started (`DataResponse` is an `RqId`, or bytes from
/// servers that answer otherwise).
func requestId(of response: DataResponse) throws -> String {
    guard case .rqId(let request) = response else {
        throw CVATError.protocolViolation("The server did not answer the upload with a request id")
    }
    return request.rqId
}
