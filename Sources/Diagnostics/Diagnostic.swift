/// One finding about the input, with where it was found.
///
/// Printed as one line that editors and CI logs understand:
/// `file:line:col: error: message [#/json/pointer]`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The JSON pointer of the offending node, for example `#/paths/~1api~1tasks/post`.
    public var pointer: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, pointer: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, message, at: location, pointer: pointer)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, pointer: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.warning, message, at: location, pointer: pointer)
    }

    public var description: String {
        var line = location.map { "\($0): " } ?? "specforge: "
        line += "\(severity.rawValue): \(Diagnostic.singleLine(message))"
        if let pointer { line += " [\(pointer)]" }
        return line
    }

    /// Diagnostics are one line each; input text quoted in a message must not break that.
    static func singleLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
