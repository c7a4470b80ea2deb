import Foundation

/// cvat-cli's log lines on standard error: `[2026-12-06 09:30:00] INFO: message`.
enum Log {
    /// `--debug` also shows each request.
    nonisolated(unsafe) static var showsDebug = false

    static func info(_ message: String) { write("INFO", message) }
    static func warning(_ message: String) { write("WARNING", message) }
    static func critical(_ message: String) { write("CRITICAL", message) }
    static func debug(_ message: String) { if showsDebug { write("DEBUG", message) } }

    private static func write(_ level: String, _ message: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let line = "[\(formatter.string(from: Date()))] \(level): \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// A failure the tool reports as one line and exit status 1 (not a stack trace).
struct CommandFailure: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
