/// Lays out lists and calls the way swift-format does, so generated code passes
/// `swift format lint` without running the formatter: a list that fits on its line stays on
/// it; otherwise each element goes on a line of its own (with a trailing comma when there are
/// several).
enum SwiftLayout {
    static let width = DocComment.width

    /// `head[a, b]tail` on one line at `indent` when it fits, else one element per line.
    /// Elements may span several lines themselves (see `call`).
    static func collection(_ head: String, _ elements: [[String]], indent: Int, tail: String = "") -> [String] {
        let pad = String(repeating: " ", count: indent)
        if elements.isEmpty { return [pad + head + "[]" + tail] }
        if elements.allSatisfy({ $0.count == 1 }) {
            let line = pad + head + "[" + elements.map { $0[0] }.joined(separator: ", ") + "]" + tail
            // swift-format keeps a collection on one line only while it stays short of the limit.
            if line.count < width { return [line] }
        }
        var lines = [pad + head + "["]
        // swift-format adds the trailing comma only when elements stand on separate lines.
        let separator = elements.count > 1 ? "," : ""
        for element in elements {
            lines += reindent(element, by: indent + 4, lastSuffix: separator)
        }
        lines.append(pad + "]" + tail)
        return lines
    }

    /// `callee(a, b)tail` on one line at `indent` when it fits, else one argument per line.
    static func call(_ callee: String, _ arguments: [String], indent: Int, tail: String = "") -> [String] {
        let pad = String(repeating: " ", count: indent)
        let line = pad + callee + "(" + arguments.joined(separator: ", ") + ")" + tail
        if line.count <= width || arguments.isEmpty { return [line] }
        var lines = [pad + callee + "("]
        for (index, argument) in arguments.enumerated() {
            lines.append(pad + "    " + argument + (index == arguments.count - 1 ? "" : ","))
        }
        lines.append(pad + ")" + tail)
        return lines
    }

    /// Lines laid out at indent 0, moved to `indent`, the last one given `lastSuffix`.
    private static func reindent(_ lines: [String], by indent: Int, lastSuffix: String) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { index, line in
            pad + line + (index == lines.count - 1 ? lastSuffix : "")
        }
    }

    /// An element that is a call, laid out as if it started at `indent`.
    static func element(_ callee: String, _ arguments: [String], indent: Int) -> [String] {
        let lines = call(callee, arguments, indent: indent, tail: ",")
        // Strip the indentation again and the trailing comma `collection` adds back.
        return lines.enumerated().map { index, line in
            var text = String(line.dropFirst(indent))
            if index == lines.count - 1 { text.removeLast() }
            return text
        }
    }
}
