import Foundation

/// A schema's `pattern`: an ECMA 262 regular expression, matched the way JSON Schema means it —
/// anywhere in the value (a search, not a whole-string match), `\d` and `\w` ASCII only, `$`
/// the end of the value (not before a final line break).
///
/// The expression is translated once into ICU's dialect for `NSRegularExpression`; one that
/// does not compile is not checked (the server still is the judge).
public final class ECMAPattern: Sendable, Hashable {
    /// The pattern as the schema spells it.
    public let source: String
    private let expression: NSRegularExpression?

    public init(_ source: String) {
        self.source = source
        self.expression = try? NSRegularExpression(pattern: Self.icuPattern(source))
    }

    /// Whether `text` contains a match; `true` when the pattern could not be compiled.
    public func isFound(in text: String) -> Bool {
        guard let expression else { return true }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    public static func == (lhs: ECMAPattern, rhs: ECMAPattern) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// ECMA 262 → ICU where the two read the same text differently.
    static func icuPattern(_ source: String) -> String {
        var result = ""
        var inClass = false
        var characters = source.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\\":
                guard let escaped = characters.next() else {
                    result.append("\\")
                    continue
                }
                switch (escaped, inClass) {
                case ("d", false): result += "[0-9]"
                case ("D", false): result += "[^0-9]"
                case ("w", false): result += "[A-Za-z0-9_]"
                case ("W", false): result += "[^A-Za-z0-9_]"
                case ("d", true): result += "0-9"
                case ("w", true): result += "A-Za-z0-9_"
                default: result += "\\" + String(escaped)
                }
            case "[" where !inClass:
                inClass = true
                result.append(character)
            case "]" where inClass:
                inClass = false
                result.append(character)
            case "$" where !inClass:
                // ICU's `$` also matches before a final line break; ECMA's only at the end.
                result += "\\z"
            default:
                result.append(character)
            }
        }
        return result
    }
}
