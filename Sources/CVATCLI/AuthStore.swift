import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// cvat-sdk's `auth.json` (version 1): saved profiles (a server with a personal access token),
/// the default profile and the default server, in the user's config folder —
/// `$XDG_CONFIG_HOME/cvat-sdk/auth.json`, else `~/.config/cvat-sdk/auth.json` (platformdirs'
/// choice on Linux), so cvat-cli and this tool share it. Like cvat-sdk, it refuses a file or
/// folder others can read, and writes through a temporary file with modes 0600 and 0700.
struct AuthStore {
    struct Profile: Equatable {
        let server: String
        let token: String
    }

    let file: URL

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        file = configHome.appendingPathComponent("cvat-sdk/auth.json")
    }

    func defaultServer() throws -> String? {
        try load()["default_server"] as? String
    }

    func setDefaultServer(_ server: String?) throws {
        var document = try load()
        document["default_server"] = server
        try save(document)
    }

    func profile(named name: String) throws -> Profile? {
        let profiles = try load()["profiles"] as? [String: [String: Any]] ?? [:]
        return profiles[name].flatMap(Self.profile)
    }

    func defaultProfile() throws -> Profile? {
        guard let name = try load()["default_profile"] as? String else { return nil }
        return try profile(named: name)
    }

    private static func profile(_ raw: [String: Any]) -> Profile? {
        guard let server = raw["server"] as? String, let token = raw["token"] as? String else { return nil }
        return Profile(server: server, token: token)
    }

    private func load() throws -> [String: Any] {
        guard FileManager.default.fileExists(atPath: file.path) else { return ["version": 1, "profiles": [:]] }
        try checkPermissions()
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        } catch {
            throw CommandFailure("Cannot read auth store \(file.path): \(error.localizedDescription)")
        }
        guard let object = document as? [String: Any], let version = object["version"] else {
            throw CommandFailure("Auth store \(file.path) is corrupt (missing 'version').")
        }
        guard (version as? Int) == 1 else {
            throw CommandFailure(
                "Auth store \(file.path) has unsupported version \(version); this client supports version 1."
            )
        }
        return object
    }

    private func save(_ document: [String: Any]) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        try checkPermissions()
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        let temporary = folder.appendingPathComponent(".auth.\(UUID().uuidString).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path,
                contents: data,
                attributes: [.posixPermissions: 0o600]
            )
        else { throw CommandFailure("Cannot write \(temporary.path)") }
        // rename(2) replaces the old file in one step: a reader sees the old or the new one.
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("Cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    private func checkPermissions() throws {
        for (path, expected) in [(file.deletingLastPathComponent().path, 0o700), (file.path, 0o600)] {
            guard let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int else {
                continue
            }
            if mode & 0o777 != expected {
                throw CommandFailure(
                    "Refusing to use \(file.path): '\(path)' has permissions 0o\(String(mode & 0o777, radix: 8)); "
                        + "expected 0o\(String(expected, radix: 8)). Run: chmod \(String(expected, radix: 8)) '\(path)'"
                )
            }
        }
    }
}
