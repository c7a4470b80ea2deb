import Foundation

/// JSON pointers (RFC 6901) as used in `$ref` fragments and in diagnostics.
public enum JSONPointer {
    /// Escapes one path segment: `~` → `~0`, `/` → `~1`.
    public static func escape(_ segment: String) -> String {
        guard segment.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return segment
        }
        // By hand rather than with `replacingOccurrences`: every path is escaped (paths are full of
        // slashes), and Foundation's search made this a few percent of a whole run.
        var escaped = ""
        escaped.reserveCapacity(segment.utf8.count + 8)
        for character in segment.unicodeScalars {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Appends a segment to a pointer such as `#/paths`.
    public static func appending(_ pointer: String, _ segment: String) -> String {
        pointer + "/" + escape(segment)
    }

    /// Splits a fragment (`/components/schemas/A~1B`) into decoded segments (`components`, `schemas`, `A/B`).
    public static func segments(_ fragment: String) -> [String] {
        var fragment = Substring(fragment)
        if fragment.hasPrefix("#") { fragment = fragment.dropFirst() }
        if fragment.hasPrefix("/") { fragment = fragment.dropFirst() }
        guard !fragment.isEmpty else { return [] }
        return fragment.split(separator: "/", omittingEmptySubsequences: false).map { raw in
            var segment = String(raw)
            if segment.utf8.contains(UInt8(ascii: "%")) { segment = segment.removingPercentEncoding ?? segment }
            guard segment.utf8.contains(UInt8(ascii: "~")) else { return segment }
            var decoded = ""
            var afterTilde = false
            for character in segment.unicodeScalars {
                if afterTilde {
                    afterTilde = false
                    switch character {
                    case "1": decoded += "/"
                    case "0": decoded += "~"
                    default: decoded.unicodeScalars.append(contentsOf: ["~", character])
                    }
                } else if character == "~" {
                    afterTilde = true
                } else {
                    decoded.unicodeScalars.append(character)
                }
            }
            if afterTilde { decoded += "~" }
            return decoded
        }
    }
}
