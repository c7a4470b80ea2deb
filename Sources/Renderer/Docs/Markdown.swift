import SpecforgeModel

/// The Markdown the reference pages' contexts hold: schema text made safe for a paragraph or a
/// table cell, and types linked to their pages.
enum Markdown {
    /// Schema text for a paragraph: `<` written as an entity, so that `<user>` in a description
    /// is shown rather than taken for an HTML tag; surrounding blank space dropped.
    static func paragraph(_ text: String) -> String {
        replacing(trimmed(text), escapingPipes: false)
    }

    /// Schema text for a table cell: one line, `<` as an entity, pipes escaped.
    static func cell(_ text: String) -> String {
        replacing(trimmed(DocComment.singleLine(text)), escapingPipes: true)
    }

    /// A code span (`` `[Label]?` ``), safe in a table cell.
    static func code(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "`")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "`"): bytes.append(UInt8(ascii: "'"))
            case UInt8(ascii: "|"): bytes += [UInt8(ascii: "\\"), byte]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "`"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One pass over the bytes (Foundation's `replacingOccurrences` was a tenth of a run that
    /// writes pages): `<` → `&lt;`, and `|` → `\|` in a cell.
    private static func replacing(_ text: String, escapingPipes: Bool) -> String {
        let needsWork = text.utf8.contains { $0 == UInt8(ascii: "<") || (escapingPipes && $0 == UInt8(ascii: "|")) }
        guard needsWork else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "<") {
                bytes += Array("&lt;".utf8)
            } else if escapingPipes, byte == UInt8(ascii: "|") {
                bytes += [UInt8(ascii: "\\"), byte]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    private static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isBlank($0) })!
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }

    /// The type as a code span, linked to the page of the declared type it holds, if any:
    /// `` [`[Label]?`](../Models/Label.md) ``. `modelsFolder` is the path from the page to
    /// the folder of model pages (`Models/`, `../Models/`, or empty on a model page).
    static func type(_ type: TypeRef, modelsFolder: String, declared: Set<String>) -> String {
        guard let name = type.declaredName, declared.contains(name) else { return code(type.swift) }
        return "[\(code(type.swift))](\(modelsFolder)\(name).md)"
    }

    /// The link target of a method's section on its API page: GitHub's anchor for a `###`
    /// heading of the method's name.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}

extension TypeRef {
    /// The declared type this type holds, through arrays, maps and optionals.
    var declaredName: String? {
        switch self {
        case .named(let name): return name
        case .array(let element), .map(let element), .optional(let element), .nullable(let element):
            return element.declaredName
        default: return nil
        }
    }
}
