import Foundation

/// A file sent as a part of a `multipart/form-data` body, or as a raw binary body.
///
/// Files on disk and streams are read while the request is sent, a chunk at a time, so a large
/// upload never sits in memory (in a JSON body, where a file is base64, it must).
public struct UploadFile: Codable, Hashable, Sendable {
    public enum Contents: Hashable, Sendable {
        case data(Data)
        case file(URL)
        /// Chunks from an async sequence, made anew for each attempt.
        case stream(UploadStream)
    }

    public var contents: Contents
    /// The `filename` of the multipart part; servers often use its extension to detect the format.
    public var fileName: String
    /// The part's `Content-Type`.
    public var contentType: String

    /// - Parameter contentType: The part's media type; by default the one that `fileName`'s
    ///   extension names (`image1.jpg` → `image/jpeg`), else `application/octet-stream`.
    public init(data: Data, fileName: String, contentType: String? = nil) {
        self.contents = .data(data)
        self.fileName = fileName
        self.contentType = contentType ?? FileMediaTypes.mediaType(forFileName: fileName)
    }

    /// A file read from disk when the request is built.
    ///
    /// - Parameters:
    ///   - fileName: The part's `filename`; by default the URL's last path component.
    ///   - contentType: The part's media type; by default the one the file name's extension
    ///     names, else `application/octet-stream`.
    public init(fileURL: URL, fileName: String? = nil, contentType: String? = nil) {
        self.contents = .file(fileURL)
        self.fileName = fileName ?? fileURL.lastPathComponent
        self.contentType = contentType ?? FileMediaTypes.mediaType(forFileName: self.fileName)
    }

    /// A file whose bytes come from an async sequence: made anew for every attempt, so that a
    /// retried request resends it from the start.
    ///
    /// - Parameter length: The total size, when known: it lets the request carry a
    ///   `Content-Length` instead of being sent chunked.
    public init(
        fileName: String,
        contentType: String? = nil,
        length: Int64?,
        chunks: @escaping @Sendable () -> AsyncThrowingStream<Data, any Error>
    ) {
        self.contents = .stream(UploadStream(length: length, makeChunks: chunks))
        self.fileName = fileName
        self.contentType = contentType ?? FileMediaTypes.mediaType(forFileName: fileName)
    }

    /// The file's bytes, read from disk for `.file` contents. A `.stream` cannot be read
    /// synchronously: it throws `APIError.invalidInput` (streams go in multipart and binary
    /// bodies, which read them as they are sent).
    public func data() throws -> Data {
        switch contents {
        case .data(let data):
            return data
        case .file(let url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw APIError.invalidInput("Cannot read \(url.path): \(error.localizedDescription)")
            }
        case .stream:
            throw APIError.invalidInput(
                "\(fileName) is a stream, which can only be sent as a binary or multipart body"
            )
        }
    }

    /// The file as a stretch of a request body.
    func bodySegment() throws -> HTTPBody.Segment {
        switch contents {
        case .data(let data): return .data(data)
        case .file(let url): return try HTTPBody.fileSegment(url)
        case .stream(let stream): return .chunks(length: stream.length, make: stream.makeChunks)
        }
    }

    /// Files inside JSON are base64 strings (OpenAPI `format: byte`), so that is their Codable form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let base64 = try container.decode(String.self)
        guard let data = Data(base64Encoded: base64) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected base64 file contents")
        }
        self.init(data: data, fileName: "file")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data().base64EncodedString())
    }
}

/// The chunks of a streamed `UploadFile`; equal only to itself.
public struct UploadStream: Hashable, Sendable {
    private let identity = UUID()
    public let length: Int64?
    public let makeChunks: @Sendable () -> AsyncThrowingStream<Data, any Error>

    public init(length: Int64?, makeChunks: @escaping @Sendable () -> AsyncThrowingStream<Data, any Error>) {
        self.length = length
        self.makeChunks = makeChunks
    }

    public static func == (lhs: UploadStream, rhs: UploadStream) -> Bool { lhs.identity == rhs.identity }

    public func hash(into hasher: inout Hasher) { hasher.combine(identity) }
}
