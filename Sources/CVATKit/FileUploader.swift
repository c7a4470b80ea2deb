import CVAT
import Foundation
import SpecforgeRuntime

/// Uploads one file the way cvat-sdk's `Uploader.upload_file` does, for annotations, datasets
/// and backups: `Upload-Start` (`POST path?query`), the file through TUS, then `Upload-Finish`
/// with `filename` set to the name the server gave the upload; the server answers with the
/// background request that imports it.
struct FileUploader {
    let client: CVATClient
    /// Ends with `/` (`/api/tasks/5/annotations/`).
    let path: String
    /// Query items in order; `filename` is added (the local name, then the server's).
    let query: [(name: String, value: String)]
    let progress: (any ProgressReporter)?

    func upload(_ file: URL) async throws -> String {
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw CVATError.unreadableFile(file.path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value
        let _: ApiResponse<Void> = try await client.api.session.send(
            endpoint(flag: "Upload-Start"),
            arguments(filename: file.lastPathComponent),
            options: RequestOptions()
        )
        progress?.start(total: size, description: "Uploading data", unit: .bytes)
        let serverName = try await TUSUpload(
            client: client,
            createPath: path,
            file: file,
            chunkSize: client.config.tusChunkSize,
            progress: progress
        ).run()
        progress?.finish()
        let finished: ApiResponse<RqId> = try await client.api.session.send(
            endpoint(flag: "Upload-Finish"),
            arguments(filename: serverName),
            options: RequestOptions()
        )
        return try finished.body().rqId
    }

    /// `POST path?query&filename=…` with `flag` set: the generated endpoints of these operations
    /// do not declare the upload headers. `Upload-Start` is answered with an empty 202,
    /// `Upload-Finish` with the request id.
    private func endpoint(flag: String) -> Endpoint {
        Endpoint(
            id: "upload_file",
            method: .post,
            path: path,
            parameters: (query.map(\.name) + ["filename"]).map {
                .init($0, in: .query, type: String.self, required: true)
            }
                + [.init(flag, in: .header, type: Bool.self, required: true)],
            responses: [
                .init(
                    "202",
                    contentType: flag == "Upload-Finish" ? "application/vnd.cvat+json" : nil,
                    type: RqId.self,
                    isPrimary: flag == "Upload-Finish"
                )
            ],
            security: ApiClient.commonSecurity
        )
    }

    private func arguments(filename: String) -> [any ParameterValue] {
        query.map(\.value) + [filename, true]
    }
}
