import CVAT
import Foundation
import SpecforgeRuntime

/// Which copy of a frame or chunk the server sends.
public enum FrameQuality: String, Sendable, CaseIterable {
    /// As uploaded.
    case original
    /// Recompressed at the task's image quality.
    case compressed
}

/// Tasks and jobs: objects with frames — their images, their media's description, the labels
/// they use and frames removed from them.
public protocol HasFrames: HasPreview {
    static func frame(_ number: Int, quality: FrameQuality?, of id: Int, in api: ApiClient) async throws -> HTTPResponse
    static func meta(of id: Int, in api: ApiClient) async throws -> DataMetaRead
    static func removeFrames(_ numbers: [Int], of id: Int, in api: ApiClient) async throws
    /// The organization the object is in: its children are listed there.
    var organizationId: Int? { get }
    /// The `labels` list filtered to this object (`taskId:` or `jobId:`), in `org`/`orgId`.
    static func labels(of id: Int, org: String?, orgId: Int?, in api: ApiClient) -> PageSequence<PaginatedLabelList>
}

/// Tasks, projects and jobs: objects with a preview image.
public protocol HasPreview: ServerObject {
    static func preview(of id: Int, in api: ApiClient) async throws -> HTTPResponse
}

extension HasPreview {
    /// A small image of the object's first frame, as the server makes it (JPEG).
    public func preview() async throws -> Data {
        try await Self.preview(of: id, in: client.api).body
    }
}

extension HasFrames {
    /// One frame's image: as stored (`.original`) or recompressed (`.compressed`); `nil` lets
    /// the server choose.
    public func frame(_ number: Int, quality: FrameQuality? = nil) async throws -> Data {
        try await Self.frame(number, quality: quality, of: id, in: client.api).body
    }

    /// Writes frames to `folder`, named by `fileName` from the frame number and an extension
    /// from the image's type (cvat-sdk's default, `frame_000012.jpg`), and returns the files.
    @discardableResult
    public func downloadFrames(
        _ numbers: [Int],
        to folder: URL,
        quality: FrameQuality = .original,
        fileName: (_ frame: Int, _ fileExtension: String) -> String = { String(format: "frame_%06d.%@", $0, $1) }
    ) async throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        for number in numbers {
            let response = try await Self.frame(number, quality: quality, of: id, in: client.api)
            let type = response.headers["Content-Type"]?.split(separator: ";").first.map(String.init) ?? ""
            let fileExtension = ["image/png": "png", "image/bmp": "bmp", "image/webp": "webp"][type] ?? "jpg"
            let file = folder.appendingPathComponent(fileName(number, fileExtension))
            try response.body.write(to: file)
            written.append(file)
        }
        return written
    }

    /// The media: frame names and sizes, chunk size, deleted frames.
    public func meta() async throws -> DataMetaRead {
        try await Self.meta(of: id, in: client.api)
    }

    /// Each frame's name and size (cvat-sdk's `get_frames_info`).
    public func framesInfo() async throws -> [FrameMeta] {
        try await meta().frames ?? []
    }

    /// Marks frames deleted (they stay in the data); the list replaces the one given before.
    public func removeFrames(ids: [Int]) async throws {
        try await Self.removeFrames(ids, of: id, in: client.api)
    }

    /// The labels annotations here may use (a project's, for a task in one).
    public func labels() async throws -> [Label] {
        let (api, id) = (client.api, id)
        return try await OrganizationScope.children(in: organizationId) {
            Self.labels(of: id, org: $0, orgId: $1, in: api)
        }
    }
}
