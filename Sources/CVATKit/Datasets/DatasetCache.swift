import CVAT
import Foundation
import SpecforgeRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// When a dataset's local cache is brought up to date from the server.
public enum UpdatePolicy: Sendable {
    /// Download what is missing, and everything again when the server's `updated_date` is
    /// later than the cached one.
    case ifMissingOrStale
    /// Use the cache only, without network access; missing data is an error.
    case never
}

/// Where a dataset keeps what it downloaded, laid out as cvat-sdk lays out its cache, so both
/// share one: `<cache>/servers/<host, base64url>/tasks/<id>/{task.json, data_meta.json,
/// annotations.json, chunks/<n>.zip}` and `…/projects/<id>/project.json`.
struct DatasetCache {
    let serverFolder: URL

    init(client: CVATClient) {
        let host = client.host.absoluteString
        let name = Data(host.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        serverFolder = client.config.cacheFolder.appendingPathComponent("servers/\(name)")
    }

    func taskFolder(_ id: Int) -> URL { serverFolder.appendingPathComponent("tasks/\(id)") }
    func chunkFile(task id: Int, chunk: Int) -> URL {
        taskFolder(id).appendingPathComponent("chunks/\(chunk).zip")
    }
    func projectFolder(_ id: Int) -> URL { serverFolder.appendingPathComponent("projects/\(id)") }

    /// A JSON document of the cache, or `nil` when it is missing or unreadable.
    func load(_ file: URL) -> [String: Any]? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Writes `object` as JSON through a temporary file, so a reader never sees half of it.
    func save(_ object: Any, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try writeAtomically(data + Data("\n".utf8), to: file)
    }

    func writeAtomically(_ data: Data, to file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID())")
        try data.write(to: temporary)
        // rename(2) replaces the file in one step.
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }
}

extension CVATConfig {
    /// cvat-sdk's cache folder: `$XDG_CACHE_HOME/cvat-sdk`, else `~/.cache/cvat-sdk`.
    public static var defaultCacheFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["XDG_CACHE_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("cvat-sdk")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/cvat-sdk")
    }
}

/// A dataset cannot be made from this task (no data, or media that are not image sets).
public struct UnsupportedDatasetError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
