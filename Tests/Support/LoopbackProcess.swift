import Foundation

/// A loopback server of the tests, run as a child process for as long as the test process
/// lives: it prints `PORT <n> …` once listening and stops when its standard input closes, which
/// happens when the test process ends (it holds the pipe).
public final class LoopbackProcess: Sendable {
    /// The words of the first line after `PORT`: the port, and whatever else the server tells.
    public let announced: [String]
    private let process: Process
    private let input: Pipe

    public init(executable: String, arguments: [String]) throws {
        process = Process()
        input = Pipe()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line += chunk
        }
        let words = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ").map(String.init)
        guard words.first == "PORT", words.count > 1 else { throw CocoaError(.fileReadCorruptFile) }
        announced = Array(words.dropFirst())
    }

    /// `http://127.0.0.1:<port>`.
    public var url: URL { URL(string: "http://127.0.0.1:\(announced[0])")! }

    /// The folder of the test sources (`Tests/`), from a file inside one of its targets.
    public static func testsFolder(from file: String = #filePath) -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.lastPathComponent != "Tests", folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }

    /// The CVAT 2.72 schema in `../shared/schemas`, beside the repository.
    public static var cvatSchema: URL {
        testsFolder().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/cvat/cvat-2.72.0.json")
    }
}

/// Runs a program to its end: its exit status, and what it wrote (standard output and error).
public func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
