import CVAT
import Foundation
import SpecforgeRuntime

/// One file through the TUS protocol, as cvat-sdk sends it (`_upload_with_tus`): a `POST` with
/// `Upload-Length` and the file name in `Upload-Metadata` creates the upload at `Location`;
/// `PATCH`es of `chunkSize` bytes carry `Upload-Offset`; after a chunk the server refused with
/// 409 or 5xx, or a dropped connection, a `HEAD` asks where the server stands and the upload
/// resumes from there (three such errors end it). Returns the server's name for the file.
struct TUSUpload {
    static let maxErrors = 3

    let client: CVATClient
    /// Ends with `/`: the server appends the upload's id to it.
    let createPath: String
    let file: URL
    let chunkSize: Int
    let progress: (any ProgressReporter)?

    private var session: APISession { client.api.session }

    func run() async throws -> String {
        let length: Int64
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            length = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw CVATError.unreadableFile("\(file.path): \(error.localizedDescription)")
        }
        let (location, serverName) = try await create(length: length)
        var offset: Int64 = 0
        var errors = 0
        while true {
            let chunkLength = min(Int64(chunkSize), length - offset)
            var next: Int64?
            do {
                let response = try await patch(location, offset: offset, length: chunkLength)
                if response.isSuccess {
                    guard let reported = response.headers["Upload-Offset"].flatMap({ Int64($0) }) else {
                        throw CVATError.protocolViolation("Server did not send Upload-Offset after chunk upload")
                    }
                    guard reported >= offset + chunkLength else {
                        throw CVATError.protocolViolation("Server reported unexpected Upload-Offset")
                    }
                    next = reported
                } else if response.status >= 500 || response.status == 409 {
                    next = response.headers["Upload-Offset"].flatMap { Int64($0) }
                    errors += 1
                } else {
                    throw APIError.status(response)
                }
            } catch let error as APIError where error.statusCode == nil {
                // The connection dropped: ask the server how far it got.
                errors += 1
            }
            if errors >= Self.maxErrors {
                throw CVATError.protocolViolation("Too many upload errors")
            }
            let position: Int64
            if let next {
                position = next
            } else {
                position = try await head(location)
            }
            guard (0...length).contains(position) else {
                throw CVATError.protocolViolation("Server returned invalid upload offset")
            }
            // What the server holds now, whether it took the chunk or not.
            progress?.advance(by: position - offset)
            if position == length { return serverName }
            offset = position
        }
    }

    private func create(length: Int64) async throws -> (path: String, serverName: String) {
        let name = Data(file.lastPathComponent.utf8).base64EncodedString()
        let endpoint = Endpoint(
            id: "tus_create",
            method: .post,
            path: createPath,
            parameters: [
                .init("Tus-Resumable", in: .header, type: String.self, required: true),
                .init("Upload-Length", in: .header, type: Int64.self, required: true),
                .init("Upload-Metadata", in: .header, type: String.self, required: true),
            ],
            responses: [.init("201")],
            security: ApiClient.commonSecurity
        )
        // CVAT builds Location from the request's Origin.
        let response: ApiResponse<Void> = try await session.send(
            endpoint,
            ["1.0.0", length, "filename \(name)"],
            options: RequestOptions(headers: ["Origin": Self.origin(of: client.host)])
        )
        guard let serverName = response.response.headers["Upload-Filename"] else {
            throw CVATError.protocolViolation("Server did not send Upload-Filename after upload creation")
        }
        guard let location = response.response.headers["Location"],
            let url = URL(string: location, relativeTo: client.host.appendingPathComponent(createPath)),
            url.host?.lowercased() == client.host.host?.lowercased()
        else {
            throw CVATError.protocolViolation("Server did not send a Location on this host after upload creation")
        }
        return (url.path, serverName)
    }

    /// Sends `length` bytes of the file from `offset`, read from disk as they are sent (a 10 MiB
    /// chunk is never held in memory whole).
    private func patch(_ path: String, offset: Int64, length: Int64) async throws -> HTTPResponse {
        let endpoint = Endpoint(
            id: "tus_append",
            method: .patch,
            path: path,
            parameters: [
                .init("Tus-Resumable", in: .header, type: String.self, required: true),
                .init("Upload-Offset", in: .header, type: Int64.self, required: true),
            ],
            requestContentTypes: ["application/offset+octet-stream"],
            responses: [.init("204")],
            security: ApiClient.commonSecurity
        )
        let file = self.file
        let chunk = UploadFile(
            fileName: file.lastPathComponent,
            contentType: "application/offset+octet-stream",
            length: length
        ) {
            FileRangeReader.chunks(of: file, from: offset, length: length)
        }
        let response: ApiResponse<Void> = try await session.send(
            endpoint,
            ["1.0.0", offset],
            body: chunk,
            options: RequestOptions(checkStatus: false)
        )
        return response.response
    }

    private func head(_ path: String) async throws -> Int64 {
        let endpoint = Endpoint(
            id: "tus_offset",
            method: .head,
            path: path,
            parameters: [.init("Tus-Resumable", in: .header, type: String.self, required: true)],
            responses: [.init("200")],
            security: ApiClient.commonSecurity
        )
        let response: ApiResponse<Void> = try await session.send(endpoint, ["1.0.0"], options: RequestOptions())
        guard let offset = response.response.headers["Upload-Offset"].flatMap({ Int64($0) }) else {
            throw CVATError.protocolViolation("Server did not send Upload-Offset")
        }
        return offset
    }

    /// `scheme://host[:port]`.
    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "https")://\(url.host ?? "")" + (url.port.map { ":\($0)" } ?? "")
    }
}

/// A stretch of a file as a stream of 256 KiB chunks, read as they are asked for.
enum FileRangeReader {
    static func chunks(of file: URL, from offset: Int64, length: Int64) -> AsyncThrowingStream<Data, any Error> {
        let reader = Reader(file: file, offset: offset, length: length)
        return AsyncThrowingStream(unfolding: { try reader.next() })
    }

    private final class Reader: @unchecked Sendable {
        // `@unchecked`: the stream's unfolding closure calls `next()` one call at a time.
        private let file: URL
        private var position: Int64
        private var remaining: Int64
        private var handle: FileHandle?

        init(file: URL, offset: Int64, length: Int64) {
            self.file = file
            self.position = offset
            self.remaining = length
        }

        deinit {
            try? handle?.close()
        }

        func next() throws -> Data? {
            guard remaining > 0 else { return nil }
            if handle == nil {
                do {
                    handle = try FileHandle(forReadingFrom: file)
                    try handle?.seek(toOffset: UInt64(position))
                } catch {
                    throw CVATError.unreadableFile("\(file.path): \(error.localizedDescription)")
                }
            }
            let data = try handle?.read(upToCount: Int(min(remaining, 256 * 1024))) ?? Data()
            guard !data.isEmpty else { throw CVATError.unreadableFile("\(file.path) is shorter than it was") }
            remaining -= Int64(data.count)
            position += Int64(data.count)
            return data
        }
    }
}
