/// Breaks the lines templates print too long, the way swift-format breaks the lists in them.
///
/// Templates print every list on one line (`[ModelField("id", \.id), ModelField("name", \.name)]`,
/// `send(Self.listEndpoint, [page], options: options)`) and leave the line length to this pass,
/// so that a template decides what Swift says and never has to measure where it ends. The rule
/// is swift-format's with `lineBreakBeforeEachArgument`: a line that does not fit is broken at
/// its last top-level bracket pair (after the ` = `, if it has one), one element per line,
/// indented four more, and each element that still does not fit is broken the same way.
/// Collections (`[…]`) with more than one element get a trailing comma; argument lists (`(…)`)
/// do not. A collection stays on its line only while it ends short of the limit, as
/// swift-format keeps it. (swift-format has more ways to break a line, after an `=` or a
/// label; the templates' lines never need them.)
///
/// Lines are bytes: every byte the pass looks at (brackets, commas, quotes, spaces) is ASCII,
/// and characters are counted only on the few lines whose UTF-8 length is over the limit.
enum LineBreaking {
    /// swift-format's `lineLength` in `.swift-format`.
    static let width = 120

    /// Appends the line to `output`, broken into lines that fit where brackets allow; each
    /// line ends with "\n". `reserve` columns are kept free at the end: the element of a
    /// one-element collection is measured with the comma it would have beside others, as
    /// swift-format measures it.
    static func append(_ line: ArraySlice<UInt8>, to output: inout [UInt8], reserve: Int = 0) {
        guard line.count + reserve >= width, !isComment(line), let group = lastGroup(line) else {
            output.append(contentsOf: line)
            output.append(newline)
            return
        }
        let limit = group.isCollection ? width - 1 : width
        let elements = topLevelElements(line[(group.open + 1)..<group.close])
        guard columns(line) + reserve > limit, !elements.isEmpty else {
            output.append(contentsOf: line)
            output.append(newline)
            return
        }
        let indent = line.prefix { $0 == space }.count
        output.append(contentsOf: line[line.startIndex...group.open])
        output.append(newline)
        let trailingComma = group.isCollection && elements.count > 1
        for (index, element) in elements.enumerated() {
            var piece = [UInt8](repeating: space, count: indent + 4)
            piece.append(contentsOf: element)
            let hasComma = index < elements.count - 1 || trailingComma
            if hasComma { piece.append(comma) }
            append(piece[...], to: &output, reserve: group.isCollection && !hasComma ? 1 : 0)
        }
        output.append(contentsOf: repeatElement(space, count: indent))
        output.append(contentsOf: line[group.close...])
        output.append(newline)
    }

    /// A bracket pair at the line's top level: `(` or `[` at `open`, its partner at `close`.
    private struct Group {
        var open: Int
        var close: Int
        var isCollection: Bool
    }

    /// The last non-empty `(…)` or `[…]` pair not nested in another bracket, outside string
    /// literals. Braces nest but are never broken: closures and accessors stay as printed.
    private static func lastGroup(_ line: ArraySlice<UInt8>) -> Group? {
        var found: Group?
        var sawAssignment = false
        var openers: [Int] = []
        var scanner = LiteralScanner()
        for index in line.indices {
            let byte = line[index]
            guard scanner.isCode(byte) else { continue }
            switch byte {
            case openParenthesis, openBracket, openBrace:
                openers.append(index)
            case closeParenthesis, closeBracket, closeBrace:
                guard let open = openers.popLast() else { return nil }  // closes an earlier line's bracket
                if openers.isEmpty, byte != closeBrace, index > open + 1 {
                    found = Group(open: open, close: index, isCollection: byte == closeBracket)
                }
            case equals where openers.isEmpty && isAssignment(line, at: index):
                found = nil  // `let fields: [ModelField<X>] = […]` breaks the value, never the type
                sawAssignment = true
            default:
                break
            }
        }
        guard openers.isEmpty else { return nil }
        // `var x: [T]?` or `case x(T)` without a value: a type is never broken.
        if !sawAssignment, declaresWithoutValue(line) { return nil }
        return found
    }

    private static let modifiers: Set<String> = [
        "public", "package", "internal", "fileprivate", "private", "open", "static", "final", "nonisolated", "indirect",
    ]

    /// Whether the line declares a property or an enum case (after attributes and modifiers).
    private static func declaresWithoutValue(_ line: ArraySlice<UInt8>) -> Bool {
        for word in line.split(separator: space, maxSplits: 6) {
            let word = String(decoding: word, as: UTF8.self)
            if word.hasPrefix("@") || modifiers.contains(word) { continue }
            return word == "var" || word == "let" || word == "case"
        }
        return false
    }

    /// ` = ` alone, not part of `==`, `<=` or the like.
    private static func isAssignment(_ line: ArraySlice<UInt8>, at index: Int) -> Bool {
        index > line.startIndex && index + 1 < line.endIndex && line[index - 1] == space && line[index + 1] == space
    }

    /// The comma-separated elements between a pair of brackets, trimmed.
    private static func topLevelElements(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var elements: [ArraySlice<UInt8>] = []
        var depth = 0
        var start = text.startIndex
        var scanner = LiteralScanner()
        for index in text.indices {
            let byte = text[index]
            guard scanner.isCode(byte) else { continue }
            switch byte {
            case openParenthesis, openBracket, openBrace: depth += 1
            case closeParenthesis, closeBracket, closeBrace: depth -= 1
            case comma where depth == 0:
                elements.append(trimmed(text[start..<index]))
                start = index + 1
            default: break
            }
        }
        let last = trimmed(text[start...])
        if !last.isEmpty { elements.append(last) }
        return elements
    }

    private static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let start = text.firstIndex { $0 != space } ?? text.endIndex
        let end = text.lastIndex { $0 != space }.map { $0 + 1 } ?? start
        return text[start..<max(start, end)]
    }

    private static func isComment(_ line: ArraySlice<UInt8>) -> Bool {
        let code = line.drop { $0 == space }
        return code.starts(with: [slash, slash])
    }

    /// Columns as swift-format counts them: characters.
    private static func columns(_ line: ArraySlice<UInt8>) -> Int {
        line.allSatisfy { $0 < 0x80 } ? line.count : String(decoding: line, as: UTF8.self).count
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let slash = UInt8(ascii: "/")
    private static let openParenthesis = UInt8(ascii: "(")
    private static let closeParenthesis = UInt8(ascii: ")")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
}

/// Tells code bytes from the bytes of string literals (`"…"` with backslash escapes), one byte
/// at a time.
private struct LiteralScanner {
    private var inString = false
    private var escaped = false

    /// Whether `byte` is code; quotes themselves count as literal.
    mutating func isCode(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return false
        }
        if byte == UInt8(ascii: "\"") {
            inString = true
            return false
        }
        return true
    }
}
