import SpecforgeDiagnostics

/// Reads JSON (RFC 8259) into the same located `Node` tree as `YAMLLoader`, as JSON and nothing
/// else: a trailing comma or a comment is an error, `\ud83e\udd14` is one emoji, and every error
/// names the line and column where the text goes wrong.
///
/// libyaml reads JSON as YAML flow syntax, which accepts what JSON forbids, rejects surrogate
/// pairs (what Python's `json.dump` writes for any character outside the Basic Multilingual
/// Plane), and reports where its scanner gave up rather than where the mistake is. This reader
/// is also several times faster on the large documents real APIs publish.
public enum JSONLoader {
    /// Parses one JSON text. Errors are thrown as a `Diagnostic` naming the file, line and column.
    public static func load(
        _ bytes: [UInt8],
        file: String,
        limits: LoaderLimits = LoaderLimits()
    ) throws(Diagnostic) -> Node {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Node in
            var reader = JSONReader(buffer, file: file, limits: limits)
            return try reader.document()
        }
    }
}

/// The parsing itself: a loop over an explicit stack of open containers, so that nesting depth
/// costs heap, not call stack.
private struct JSONReader {
    /// An open object or array.
    private final class Container {
        let isObject: Bool
        let location: SourceLocation
        var items: [Node] = []
        var entries: [Mapping.Entry] = []
        var index = KeyIndex()
        var pendingKey: (text: String, location: SourceLocation)?
        var weight = 1

        init(isObject: Bool, location: SourceLocation) {
            self.isObject = isObject
            self.location = location
        }

        var node: Node {
            Node(
                isObject ? .mapping(Mapping(entries: entries, index: index)) : .sequence(items),
                location: location,
                weight: weight
            )
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let limits: LoaderLimits
    private var position = 0
    private var line = 1
    /// Where the current line starts, and a known column on it: columns count characters, and
    /// are counted forward from the last one asked for, so a one-line document stays linear.
    private var lineStart = 0
    private var countedUpTo = 0
    private var countedColumn = 1
    private var stack: [Container] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: LoaderLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    // MARK: - Structure

    mutating func document() throws(Diagnostic) -> Node {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
            countedUpTo = 3
        }
        skipWhitespace()
        guard position < bytes.count else { throw error("the document is empty") }
        var completed = try value()
        while true {
            guard let container = stack.last else {
                skipWhitespace()
                guard position == bytes.count else { throw error("unexpected text after the JSON document") }
                return completed
            }
            try add(completed, to: container)
            skipWhitespace()
            guard position < bytes.count else {
                throw error("the document ends inside an \(container.isObject ? "object" : "array")")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                let comma = location()
                position += 1
                skipWhitespace()
                let next = position < bytes.count ? bytes[position] : 0
                if next == UInt8(ascii: "}") || next == UInt8(ascii: "]") {
                    throw Diagnostic.error(
                        "invalid JSON: a trailing comma before '\(Character(Unicode.Scalar(next)))'",
                        at: comma
                    )
                }
                if container.isObject { try key(into: container) }
                completed = try value()
            } else if byte == (container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                position += 1
                stack.removeLast()
                completed = container.node
            } else {
                throw error(
                    container.isObject ? "expected ',' or '}' after a member" : "expected ',' or ']' after an item"
                )
            }
        }
    }

    /// Reads a value. An object or array is opened (and its first member's key read) and the
    /// loop goes on inside it; a scalar, or an empty container, is returned complete.
    private mutating func value() throws(Diagnostic) -> Node {
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("the document ends where a value was expected") }
            let start = location()
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[position] == UInt8(ascii: "{")
                guard stack.count < limits.maxDepth else {
                    throw Diagnostic.error("the document nests deeper than \(limits.maxDepth) levels", at: start)
                }
                position += 1
                let container = Container(isObject: isObject, location: start)
                stack.append(container)
                skipWhitespace()
                if position < bytes.count, bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    stack.removeLast()
                    return container.node
                }
                if isObject { try key(into: container) }
            case UInt8(ascii: "\""):
                return Node(.scalar(Scalar(value: try string(), isPlain: false)), location: start, weight: 1)
            case UInt8(ascii: "t"):
                return try literal("true", at: start)
            case UInt8(ascii: "f"):
                return try literal("false", at: start)
            case UInt8(ascii: "n"):
                return try literal("null", at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return Node(.scalar(Scalar(value: try number(), isPlain: true)), location: start, weight: 1)
            default:
                throw error("expected a value, found \(describe(bytes[position]))")
            }
        }
    }

    /// Reads `"key" :` into the open object.
    private mutating func key(into container: Container) throws(Diagnostic) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error(
                position < bytes.count
                    ? "expected a member name in double quotes" : "the document ends inside an object"
            )
        }
        let keyLocation = location()
        let text = try string()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw error("expected ':' after the member name \"\(text)\"")
        }
        position += 1
        container.pendingKey = (text, keyLocation)
    }

    private func add(_ node: Node, to container: Container) throws(Diagnostic) {
        container.weight += node.weight
        guard container.isObject else {
            container.items.append(node)
            return
        }
        let key = container.pendingKey!
        container.pendingKey = nil
        if container.index.position(of: key.text, in: container.entries) != nil {
            throw Diagnostic.error("duplicate key '\(key.text)'", at: key.location)
        }
        container.entries.append(Mapping.Entry(key: key.text, keyLocation: key.location, value: node))
        container.index.appended(to: container.entries)
    }

    // MARK: - Scalars

    private mutating func literal(_ word: StaticString, at start: SourceLocation) throws(Diagnostic) -> Node {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] })
        else { throw error("expected a value, found \(describe(bytes[position]))") }
        position += count
        return Node(.scalar(Scalar(value: word.description, isPlain: true)), location: start, weight: 1)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(Diagnostic) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("a number needs digits") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw error("a number may not start with 0") }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected digits after '.'") }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("expected digits in the exponent")
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    /// A string from its opening quote; returns its text with escapes decoded.
    private mutating func string() throws(Diagnostic) -> String {
        position += 1
        let start = position
        // The common case, no escapes: the bytes are the text.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try checkCharacter(byte)
        }
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &decoded)
            } else {
                let begin = position
                try checkCharacter(byte)
                decoded.append(contentsOf: bytes[begin..<position])
            }
        }
        throw error("unterminated string")
    }

    /// Steps over one character of a string, checking it is allowed there and valid UTF-8.
    private mutating func checkCharacter(_ byte: UInt8) throws(Diagnostic) {
        if byte < 0x20 {
            throw error(
                byte == 0x0A
                    ? "unterminated string (a line break must be written \\n)"
                    : "control character U+\(hex(UInt32(byte))) in a string; write it as an escape"
            )
        }
        guard byte >= 0x80 else {
            position += 1
            return
        }
        let length = utf8SequenceLength(at: position)
        guard length > 0 else { throw error("invalid UTF-8") }
        position += length
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode 15, table 3-7), or 0.
    private func utf8SequenceLength(at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (lower, upper) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lower, byte <= upper else { return 0 }
        }
        return length
    }

    private mutating func escape(into decoded: inout [UInt8]) throws(Diagnostic) {
        guard position + 1 < bytes.count else { throw error("unterminated string") }
        let start = location()
        let letter = bytes[position + 1]
        let simple: UInt8? =
            switch letter {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "/"): UInt8(ascii: "/")
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            decoded.append(simple)
            position += 2
            return
        }
        guard letter == UInt8(ascii: "u") else { throw error("invalid escape '\\\(describeRaw(letter))'") }
        var scalar = try hexQuad()
        if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate: with the low one after it, one character outside the BMP.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw Diagnostic.error(
                    "invalid JSON: unpaired surrogate \\u\(hex(scalar)) (a high surrogate needs a low one after it)",
                    at: start
                )
            }
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw Diagnostic.error(
                    "invalid JSON: \\u\(hex(scalar)) is followed by \\u\(hex(low)), not a low surrogate",
                    at: start
                )
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw Diagnostic.error(
                "invalid JSON: unpaired surrogate \\u\(hex(scalar)) (a low surrogate with no high one before it)",
                at: start
            )
        }
        decoded.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    /// `\uXXXX` at `position`; steps over it.
    private mutating func hexQuad() throws(Diagnostic) -> UInt32 {
        guard position + 6 <= bytes.count else { throw error("a \\u escape needs four hexadecimal digits") }
        var value: UInt32 = 0
        for offset in 2..<6 {
            let byte = bytes[position + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        position += 6
        return value
    }

    // MARK: - Positions

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
                lineStart = position
                countedUpTo = position
                countedColumn = 1
            default:
                return
            }
        }
    }

    /// The line and column of `position`, columns counted in characters.
    private mutating func location() -> SourceLocation {
        if countedUpTo < lineStart {
            countedUpTo = lineStart
            countedColumn = 1
        }
        while countedUpTo < position {
            if bytes[countedUpTo] & 0xC0 != 0x80 { countedColumn += 1 }
            countedUpTo += 1
        }
        return SourceLocation(file: file, line: line, column: countedColumn)
    }

    private mutating func error(_ message: String) -> Diagnostic {
        .error("invalid JSON: \(message)", at: location())
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(describeRaw(byte))'" : "byte 0x\(hex(UInt32(byte)))"
    }

    private func describeRaw(_ byte: UInt8) -> String {
        String(Character(Unicode.Scalar(byte)))
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
