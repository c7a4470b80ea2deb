import Foundation

/// The `cvat` tool built beside the tests, run as a user runs it: arguments, a working folder,
/// an environment; what it printed on each stream and its exit status come back.
struct CLIProgram {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var cvat: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("cvat")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/cvat").path
    }

    /// cvat-cli 2.71.0, installed beside cvat-sdk by `make cvat-sdk`.
    static var cvatCLI: String {
        URL(fileURLWithPath: FakeCVATServerSuites.HighLevelDifferentialTests.python).deletingLastPathComponent()
            .appendingPathComponent("cvat-cli").path
    }

    /// Runs `executable` in `folder`; `environment` adds to (or, with `nil`, removes from) the
    /// test's own. An isolated config folder keeps the user's saved servers out.
    static func run(
        _ executable: String = cvat,
        _ arguments: [String],
        in folder: URL,
        environment: [String: String?] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables["XDG_CONFIG_HOME"] = folder.appendingPathComponent(".config").path
        variables["CVAT_ACCESS_TOKEN"] = nil
        variables["PASS"] = nil
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        let stdout = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let stderr = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8)
        )
    }
}
