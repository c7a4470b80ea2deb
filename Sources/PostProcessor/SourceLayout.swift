/// Whitespace normalisation for generated Swift: what templates cannot control line by line.
///
/// - no trailing spaces;
/// - at most one blank line in a row, none right after `{` or right before `}`;
/// - exactly one newline at the end of the file;
/// - lines longer than swift-format's limit broken at their brackets (`LineBreaking`).
///
/// It works on UTF-8 bytes: every byte it looks at is ASCII, and multi-byte characters only
/// ever pass through, so this is exact and an order of magnitude cheaper than walking characters.
enum SourceLayout {
    static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalize(bytes: $0) }
    }

    private static func normalize(bytes input: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 1)
        // Every kept line is written with its "\n"; a blank line is just "\n".
        var hasLines = false
        var lastIsBlank = false
        var lastEndsWithBrace = false
        var lineStart = 0
        while lineStart <= input.count {
            let newline = input[lineStart...].firstIndex(of: newlineByte) ?? input.count
            var end = newline
            while end > lineStart, isTrailingSpace(input[end - 1]) { end -= 1 }
            if end == lineStart {
                // Skip a blank line at the top, after another blank line or after an opening brace.
                if hasLines, !lastIsBlank, !lastEndsWithBrace {
                    output.append(newlineByte)
                    lastIsBlank = true
                }
            } else {
                if lastIsBlank, firstNonSpace(input, from: lineStart, to: end) == closingBrace {
                    output.removeLast()
                }
                if end - lineStart >= LineBreaking.width {
                    LineBreaking.append(ArraySlice(input[lineStart..<end]), to: &output)
                } else {
                    output.append(contentsOf: input[lineStart..<end])
                    output.append(newlineByte)
                }
                hasLines = true
                lastIsBlank = false
                lastEndsWithBrace = input[end - 1] == openingBrace
            }
            lineStart = newline + 1
        }
        if lastIsBlank { output.removeLast() }
        if output.isEmpty { output.append(newlineByte) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let newlineByte = UInt8(ascii: "\n")
    private static let openingBrace = UInt8(ascii: "{")
    private static let closingBrace = UInt8(ascii: "}")

    private static func isTrailingSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func firstNonSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt8? {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index < end ? bytes[index] : nil
    }
}
