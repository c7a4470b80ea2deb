/// Collects the diagnostics of one generator run.
///
/// Stages report into it instead of printing, so the caller decides how to show them and
/// whether the run failed (`--strict` counts warnings as errors).
public final class Diagnostics {
    public private(set) var all: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        // The same construct reached along two paths is reported once.
        if seen.insert(diagnostic).inserted {
            all.append(diagnostic)
        }
    }

    public func error(_ message: String, at location: SourceLocation?, pointer: String?) {
        report(.error(message, at: location, pointer: pointer))
    }

    public func warning(_ message: String, at location: SourceLocation?, pointer: String?) {
        report(.warning(message, at: location, pointer: pointer))
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

/// Thrown when a run stops because of errors; carries every diagnostic collected so far.
public struct GenerationFailed: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
