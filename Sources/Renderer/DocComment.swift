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
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingTrailingSpaces()
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
        guard line.utf8.count > width, line.count > width else { return [line] }
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

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
