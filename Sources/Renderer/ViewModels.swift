import SpecforgeModel

/// Turns the intermediate model into the typed contexts the templates print (`Contexts/`).
///
/// Values only: names, types, literals, flags and doc-comment lines. The Swift around them
/// (keywords, attributes, access levels, conformances, punctuation) is the templates' to write,
/// and long lines are broken after rendering (`LineBreaking`, in the post-processor), so a
/// template never measures anything. Each context's `keys` table says what every key holds;
/// `TemplateContract` and `Templates/README.md` are printed from those tables.
enum ViewModels {
    static func header(_ model: ClientModel) -> HeaderContext {
        HeaderContext(title: DocComment.singleLine(model.title), version: DocComment.singleLine(model.version))
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
