import Foundation

/// A request body: bytes in memory, files read from disk while they are sent, or chunks from an
/// async sequence — or a run of data and files one after the other, which is what a multipart
/// form with file parts becomes, so a 2 GB video is never held in memory.
///
/// A body can be read any number of times, each time from the start: a retried upload resends
/// all of it.
public struct HTTPBody: Sendable {
    /// A stretch of a body.
    public enum Segment: Sendable {
        case data(Data)
        /// A whole file, read as it is sent; `length` is its size when the body was made.
        case file(URL, length: Int64)
        /// Chunks from a sequence made anew for each attempt (a retry starts over), `length`
        /// bytes in all when known.
        case chunks(length: Int64?, make: @Sendable () -> AsyncThrowingStream<Data, any Error>)

        var length: Int64? {
            switch self {
            case .data(let data): Int64(data.count)
            case .file(_, let length): length
            case .chunks(let length, _): length
            }
        }
    }

    public let segments: [Segment]
    /// The size in bytes, when known: always for data and files, when given for chunks.
    public let length: Int64?
    /// Told how many bytes have gone to the transport; set from `RequestOptions.uploadProgress`.
    public var progress: UploadProgressHandler?

    /// Bytes in memory.
    public init(_ data: Data) {
        self.init(segments: [.data(data)])
    }

    /// A file on disk, read as it is sent. Throws `APIError.invalidInput` when it cannot be read.
    public init(fileURL: URL) throws {
        self.init(segments: [try Self.fileSegment(fileURL)])
    }

    /// Chunks from an async sequence made anew for every attempt (a retry starts over).
    /// - Parameter length: The total size, sent as `Content-Length`; without it the body goes
    ///   with chunked transfer encoding, which not every server reads (Django under WSGI does not).
    public init(length: Int64?, makeChunks: @escaping @Sendable () -> AsyncThrowingStream<Data, any Error>) {
        self.init(segments: [.chunks(length: length, make: makeChunks)])
    }

    /// Data, files and chunks one after the other.
    public init(segments: [Segment]) {
        // Neighbouring data joined, so that transports see as few pieces as possible.
        var merged: [Segment] = []
        for segment in segments {
            if case .data(let next) = segment, case .data(let previous)? = merged.last {
                merged[merged.count - 1] = .data(previous + next)
            } else if case .data(let data) = segment, data.isEmpty {
                continue
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
        var total: Int64? = 0
        for segment in merged {
            total = total.flatMap { sum in segment.length.map { sum + $0 } }
        }
        self.length = total
    }

    /// A `.file` segment for `url`, with its current size.
    public static func fileSegment(_ url: URL) throws -> Segment {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            return .file(url, length: size)
        } catch {
            throw APIError.invalidInput("Cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// The bytes, when the whole body is in memory.
    public var inMemoryData: Data? {
        switch segments.count {
        case 0: return Data()
        case 1: if case .data(let data) = segments[0] { return data } else { return nil }
        default: return nil
        }
    }

    /// The file, when the body is exactly one file.
    public var singleFile: URL? {
        guard segments.count == 1, case .file(let url, _) = segments[0] else { return nil }
        return url
    }

    /// The body's chunks from the start, at most `chunkSize` bytes each for files, reporting
    /// progress as they are taken. Reading stops when the consumer stops asking.
    public func chunks(chunkSize: Int = 256 * 1024) -> AsyncThrowingStream<Data, any Error> {
        let reader = SegmentReader(segments: segments, chunkSize: chunkSize, total: length, progress: progress)
        return AsyncThrowingStream(unfolding: { try await reader.next() })
    }

    /// Reads the whole body into memory (for transports and tests that need it in one piece).
    public func collect() async throws -> Data {
        if let data = inMemoryData {
            reportProgress(sent: Int64(data.count))
            return data
        }
        var result = Data()
        for try await chunk in chunks() {
            result += chunk
        }
        return result
    }

    /// Writes the body to `destination`, a chunk at a time, without reporting progress (that is
    /// for the transport that then sends the file).
    public func write(to destination: URL) async throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw APIError.invalidInput("Cannot write \(destination.path)")
        }
        let handle = try FileHandle(forWritingTo: destination)
        defer { try? handle.close() }
        var body = self
        body.progress = nil
        for try await chunk in body.chunks(chunkSize: 1 << 20) {
            try handle.write(contentsOf: chunk)
        }
    }

    /// Tells the progress handler, if any, that `sent` bytes have gone (for transports that
    /// send files themselves rather than through `chunks()`).
    public func reportProgress(sent: Int64) {
        progress?(UploadProgress(sent: sent, total: length))
    }
}

/// How far an upload has got: bytes handed to the network so far, of `total` when known.
public struct UploadProgress: Sendable, Hashable {
    public var sent: Int64
    public var total: Int64?

    public init(sent: Int64, total: Int64?) {
        self.sent = sent
        self.total = total
    }
}

public typealias UploadProgressHandler = @Sendable (UploadProgress) -> Void

/// Reads the segments of a body in order, files a chunk at a time, counting what it hands out.
private final class SegmentReader: @unchecked Sendable {
    // `@unchecked`: one stream's unfolding closure calls `next()`, one call at a time.
    private var segments: ArraySlice<HTTPBody.Segment>
    private let chunkSize: Int
    private let total: Int64?
    private let progress: UploadProgressHandler?
    private var sent: Int64 = 0
    private var file: FileHandle?
    private var chunks: AsyncThrowingStream<Data, any Error>.AsyncIterator?

    init(segments: [HTTPBody.Segment], chunkSize: Int, total: Int64?, progress: UploadProgressHandler?) {
        self.segments = segments[...]
        self.chunkSize = chunkSize
        self.total = total
        self.progress = progress
        progress?(UploadProgress(sent: 0, total: total))
    }

    deinit {
        try? file?.close()
    }

    func next() async throws -> Data? {
        guard let chunk = try await nextChunk() else { return nil }
        sent += Int64(chunk.count)
        progress?(UploadProgress(sent: sent, total: total))
        return chunk
    }

    private func nextChunk() async throws -> Data? {
        while true {
            if let file {
                let chunk: Data?
                do {
                    chunk = try file.read(upToCount: chunkSize)
                } catch {
                    throw APIError.invalidInput("Cannot read a file of the request body: \(error.localizedDescription)")
                }
                if let chunk, !chunk.isEmpty { return chunk }
                try? file.close()
                self.file = nil
            }
            if var iterator = chunks {
                let chunk = try await iterator.next()
                chunks = iterator
                if let chunk {
                    if chunk.isEmpty { continue }
                    return chunk
                }
                chunks = nil
            }
            guard let segment = segments.popFirst() else { return nil }
            switch segment {
            case .data(let data):
                if !data.isEmpty { return data }
            case .file(let url, _):
                do {
                    file = try FileHandle(forReadingFrom: url)
                } catch {
                    throw APIError.invalidInput("Cannot read \(url.path): \(error.localizedDescription)")
                }
            case .chunks(_, let make):
                chunks = make().makeAsyncIterator()
            }
        }
    }
}
