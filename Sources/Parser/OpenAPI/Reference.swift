import SpecforgeDiagnostics

/// A `$ref`, made absolute: which file it points into and where inside it.
public struct Reference: Sendable, Hashable {
    /// The referenced file, as an absolute, normalised path.
    public let file: String
    /// The fragment, starting with `#` (`#` alone for the whole file).
    public let fragment: String
    /// The `$ref` text as written, for messages.
    public let text: String
    /// Where the `$ref` was written.
    public let location: SourceLocation
    /// Pointer of the node that holds the `$ref`.
    public let pointer: String

    /// The identity of the target: two references with equal keys point at the same node.
    public var key: String { file + fragment }

    /// The last segment of the fragment, or the file's base name: a good name for the target.
    public var suggestedName: String {
        if let last = JSONPointer.segments(fragment).last { return last }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A value that is written inline or behind a `$ref`.
public enum Referenceable<Value: Sendable>: Sendable {
    case value(Value)
    case reference(Reference)
}

/// Path arithmetic for references between files, without Foundation.
enum FilePath {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Joins `relative` to the directory `base` and removes `.` and `..` segments. On bytes: a
    /// split document resolves tens of thousands of these.
    static func resolve(_ relative: String, against base: String) -> String {
        let joined = Array((relative.hasPrefix("/") ? relative : base + "/" + relative).utf8)
        let dot = UInt8(ascii: ".")
        let slash = UInt8(ascii: "/")
        var parts: [ArraySlice<UInt8>] = []
        for part in joined.split(separator: slash) {
            if part.count == 1, part.first == dot { continue }
            if part.count == 2, part.first == dot, part.last == dot {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        var path: [UInt8] = []
        path.reserveCapacity(joined.count + 1)
        for part in parts {
            path.append(slash)
            path += part
        }
        return parts.isEmpty ? "/" : String(decoding: path, as: UTF8.self)
    }
}
