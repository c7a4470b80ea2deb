import SpecforgeModel

/// Turns the intermediate model into the plain dictionaries the templates print.
///
/// Values only: names, types, literals, flags and doc-comment lines. The Swift around them
/// (keywords, attributes, access levels, conformances, punctuation) is the templates' to write,
/// and long lines are broken after rendering (`LineBreaking`, in the post-processor), so a
/// template never measures anything. Every key is listed, with what it holds, in
/// `TemplateContract`; a test keeps the two in step.
enum ViewModels {
    static func header(_ model: ClientModel) -> [String: String] {
        ["title": DocComment.singleLine(model.title), "version": DocComment.singleLine(model.version)]
    }

    /// `items` with `isFirst` and `isLast` set, for separators and blank lines between items.
    static func positioned(_ items: [[String: Any]]) -> [[String: Any]] {
        var items = items
        for index in items.indices {
            items[index]["isFirst"] = index == 0
            items[index]["isLast"] = index == items.count - 1
        }
        return items
    }

    /// A Swift array literal of string literals: `["a", "b"]`.
    static func stringArrayLiteral(_ values: [String]) -> String {
        "[" + values.map(SwiftLiteral.string).joined(separator: ", ") + "]"
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String {
        isEmpty ? replacement : self
    }

    /// Text shown inside a doc-comment code span must not end the span.
    var replacingBackticks: String {
        String(map { $0 == "`" ? "'" : $0 })
    }
}
