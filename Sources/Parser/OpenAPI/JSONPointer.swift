import Foundation

/// JSON pointers (RFC 6901) as used in `$ref` fragments and in diagnostics.
public enum JSONPointer {
    /// Escapes one path segment: `~` → `~0`, `/` → `~1`.
    public static func escape(_ segment: String) -> String {
        guard segment.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return segment
        }
        return segment.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
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
            return segment.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
