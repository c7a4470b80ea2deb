/// Formats schema text as `///` documentation lines.
///
/// A line comment ends at the end of its line and nothing else, so splitting on every line
/// break and dropping control characters is enough to keep any description inside the comment.
enum DocComment {
    /// Generated lines stay within swift-format's 120 columns, indentation included.
    static let width = 120

    /// `///` lines for the paragraphs, wrapped to fit at `indent` columns.
    static func lines(_ paragraphs: String?..., indent: Int = 0) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs.compactMap({ $0 }) {
            let text = clean(paragraph)
            guard !text.isEmpty else { continue }
            if !lines.isEmpty { lines.append("///") }
            // Split and trim on UTF-8 bytes: "\n" and " " are ASCII, so this is exact, and it
            // spares walking grapheme clusters through long descriptions.
            for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                let kept = line.reversed().drop { $0 == UInt8(ascii: " ") }
                let trimmed = String(decoding: kept.reversed(), as: UTF8.self)
                if trimmed.isEmpty {
                    lines.append("///")
                } else {
                    lines += wrap(trimmed, width: width - indent - 4).map { "/// " + $0 }
                }
            }
        }
        return lines
    }

    /// Breaks a line at spaces so each piece fits `width`; a word longer than that stays whole.
    /// Continuation lines keep the line's own leading indentation.
    static func wrap(_ line: String, width: Int, continuationIndent: String? = nil) -> [String] {
        // UTF-8 length bounds the column count from above, so most lines never count characters.
        guard line.utf8.count > width else { return [line] }
        if line.utf8.allSatisfy({ $0 < 0x80 }), continuationIndent?.utf8.allSatisfy({ $0 < 0x80 }) ?? true {
            return wrapASCII(Array(line.utf8), width: width, continuationIndent: continuationIndent)
        }
        guard line.count > width else { return [line] }
        let leading = String(line.prefix { $0 == " " })
        let indent = continuationIndent ?? leading
        var pieces: [String] = []
        var prefix = leading
        var prefixWidth = leading.count
        var words = ""
        var wordsWidth = 0
        for word in line.dropFirst(leading.count).split(separator: " ") {
            let wordWidth = word.count
            if wordsWidth > 0, prefixWidth + wordsWidth + 1 + wordWidth > width {
                pieces.append(prefix + words)
                prefix = indent
                prefixWidth = indent.count
                words = ""
                wordsWidth = 0
            }
            if wordsWidth > 0 {
                words += " "
                wordsWidth += 1
            }
            words += word
            wordsWidth += wordWidth
        }
        if wordsWidth > 0 { pieces.append(prefix + words) }
        return pieces
    }

    /// `wrap` for ASCII text, where a byte is a column: the same breaks, without `Character`s.
    private static func wrapASCII(_ line: [UInt8], width: Int, continuationIndent: String?) -> [String] {
        let space = UInt8(ascii: " ")
        let leadingCount = line.prefix { $0 == space }.count
        let indent = continuationIndent.map { Array($0.utf8) } ?? Array(line[..<leadingCount])
        var pieces: [String] = []
        var piece = Array(line[..<leadingCount])
        var hasWords = false
        for word in line[leadingCount...].split(separator: space) {
            if hasWords, piece.count + 1 + word.count > width {
                pieces.append(String(decoding: piece, as: UTF8.self))
                piece = indent
                hasWords = false
            }
            if hasWords { piece.append(space) }
            piece += word
            hasWords = true
        }
        if hasWords { pieces.append(String(decoding: piece, as: UTF8.self)) }
        return pieces
    }

    static func deprecation(_ deprecated: Bool) -> String? {
        deprecated ? "- Warning: Deprecated." : nil
    }

    /// One line of text for places like `// Generated from <title>`.
    static func singleLine(_ text: String) -> String {
        clean(text).split(separator: "\n").joined(separator: " ")
    }

    /// Normalises line breaks to `\n`, drops other control characters and trailing blank lines.
    private static func clean(_ text: String) -> String {
        // The common case: printable ASCII lines with nothing to drop or normalise.
        let isPlain = text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
        if isPlain, text.utf8.first != 0x0A, text.utf8.last != 0x0A { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCarriageReturn:
                continue
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out += "\n"
            case 0x09:
                out += "    "
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        while out.hasSuffix("\n") { out.removeLast() }
        while out.hasPrefix("\n") { out.removeFirst() }
        return out
    }
}
