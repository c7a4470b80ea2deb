/// Whitespace normalisation for generated Swift: what templates cannot control line by line.
///
/// - no trailing spaces;
/// - at most one blank line in a row, none right after `{` or right before `}`;
/// - exactly one newline at the end of the file.
enum SourceLayout {
    static func normalize(_ text: String) -> String {
        var lines: [Substring] = []
        lines.reserveCapacity(text.utf8.count / 32)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimTrailingWhitespace(rawLine)
            if line.isEmpty {
                // Skip a blank line after another blank line or after an opening brace.
                if let last = lines.last, last.isEmpty || last.hasSuffix("{") { continue }
                if lines.isEmpty { continue }
            } else if isClosing(line), lines.last?.isEmpty == true {
                lines.removeLast()
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func trimTrailingWhitespace(_ line: Substring) -> Substring {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous] == " " || line[previous] == "\t" || line[previous] == "\r" else { break }
            end = previous
        }
        return line[line.startIndex..<end]
    }

    private static func isClosing(_ line: Substring) -> Bool {
        line.drop { $0 == " " }.first == "}"
    }
}
