import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The suites that use the fake CVAT server, one at a time: each starts by resetting it.
@Suite("Against the fake CVAT server (Django REST framework)", .serialized)
enum FakeCVATServerSuites {}

/// `Tests/Server/cvat_drf.py`, the fake CVAT server on Django REST framework, started once for
/// the test process with the virtualenv `make fake-cvat` made (`FAKE_CVAT_PYTHON`). Suites that
/// use it are serialized and start from `reset()`.
final class DRFServer: Sendable {
    static let shared: DRFServer = {
        do {
            return try DRFServer()
        } catch {
            fatalError("cannot start the fake CVAT server (run `make fake-cvat`): \(error)")
        }
    }()

    let url: URL
    let port: Int
    private let process: LoopbackProcess

    private init() throws {
        let python =
            ProcessInfo.processInfo.environment["FAKE_CVAT_PYTHON"]
            ?? FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/specforge/fake-cvat-drf/bin/python").path
        process = try LoopbackProcess(
            executable: python,
            arguments: [
                LoopbackProcess.testsFolder().appendingPathComponent("Server/cvat_drf.py").path,
                LoopbackProcess.cvatSchema.path,
            ]
        )
        url = process.url
        port = Int(process.announced[0]) ?? 0
    }

    /// An empty server: no tasks, no log, default settings.
    func reset(pollsBeforeFinish: Int = 2, failPatches: [Int] = []) async throws {
        _ = try await post("/__reset", [:])
        _ = try await post("/__control", ["polls_before_finish": pollsBeforeFinish, "fail_patches": failPatches])
    }

    func control(_ settings: [String: Any]) async throws {
        _ = try await post("/__control", settings)
    }

    struct Logged: Decodable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let length: Int
        let status: Int?
        /// A multipart body's parts: name, file name (`nil` for a field), content type, SHA-256.
        let parts: [[String?]]?

        /// The file names of a multipart body's file parts, in order.
        var fileNames: [String] { (parts ?? []).compactMap { $0[1] } }
    }

    func log() async throws -> [Logged] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__log"))
        return try JSONDecoder().decode([Logged].self, from: data)
    }

    /// The request log and the state, written to `folder/name.json` for `compare.py`.
    func snapshot(into folder: URL, _ name: String) async throws -> String {
        let (log, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__log"))
        let (state, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__state"))
        let file = folder.appendingPathComponent("\(name).json")
        try (Data(#"{"log": "#.utf8) + log + Data(#", "state": "#.utf8) + state + Data("}".utf8)).write(to: file)
        return file.path
    }

    /// The server's state as `/__state` summarises it.
    func state() async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("__state"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    private func post(_ path: String, _ body: [String: Any]) async throws -> Data {
        var request = URLRequest(url: url.appendingPathComponent(String(path.dropFirst())))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try await URLSession.shared.data(for: request).0
    }
}

/// Files for uploads, in a folder removed when the value goes away.
final class Scratch: @unchecked Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cvatkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A file of `size` bytes (a repeating pattern that differs per file).
    func file(_ name: String, size: Int) throws -> String {
        let url = folder.appendingPathComponent(name)
        let seed = UInt8(truncatingIfNeeded: name.hashValue & 0xff)
        try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }).write(to: url)
        return url.path
    }
}
