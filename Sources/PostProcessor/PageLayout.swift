/// The layout of a reference page: what `SourceLayout` is to Swift files, for Markdown.
///
/// Templates leave blank lines where an optional section is absent; a page keeps at most one
/// blank line in a row, no trailing spaces, and ends with exactly one newline, so that the
/// same model always gives the same bytes.
enum PageLayout {
    static func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var lineStart = 0  // where the line being copied starts in `output`
        var lastLineWasBlank = true  // so that leading blank lines go too
        func endLine() {
            while output.count > lineStart, output[output.count - 1] == 0x20 || output[output.count - 1] == 0x09 {
                output.removeLast()
            }
            let isBlank = output.count == lineStart
            if !(isBlank && lastLineWasBlank) { output.append(0x0A) }
            lastLineWasBlank = isBlank
            lineStart = output.count
        }
        for byte in text.utf8 {
            if byte == 0x0A { endLine() } else { output.append(byte) }
        }
        endLine()
        while output.count >= 2, output[output.count - 1] == 0x0A, output[output.count - 2] == 0x0A {
            output.removeLast()
        }
        return output.isEmpty || output == [0x0A] ? "\n" : String(decoding: output, as: UTF8.self)
    }
}
